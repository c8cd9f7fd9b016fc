import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getSegment } from "@/lib/segments/saved";
import { PageHeader } from "@/components/ui/card";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { builderProps } from "../../builder-names";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await requirePageContext("manager");
  const { id } = await params;
  const segment = await getSegment(context, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={`Edit “${segment.name}”`} />
      <SegmentBuilder {...await builderProps(context, id)} segmentId={id} initial={segment.definition} initialName={segment.name} initialDescription={segment.description} />
    </>
  );
}
