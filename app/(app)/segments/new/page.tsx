import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { segmentTemplate } from "@/lib/segments/templates";
import { PageHeader } from "@/components/ui/card";
import { emptyDefinition } from "@/components/segments/defaults";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { builderProps } from "../builder-names";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const context = await requirePageContext("manager");
  const key = (await searchParams).template;
  // An unknown template key is dropped: the builder starts empty.
  const template = typeof key === "string" ? segmentTemplate(key) : undefined;
  return (
    <>
      <PageHeader title={template ? `New segment from “${template.name}”` : "New segment"} description="Add conditions; the count updates as you go." />
      <SegmentBuilder
        {...await builderProps(context)}
        initial={template?.definition ?? emptyDefinition()}
        initialName={template?.name ?? ""}
        initialDescription={template?.description ?? ""}
      />
    </>
  );
}
