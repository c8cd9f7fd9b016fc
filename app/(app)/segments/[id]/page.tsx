import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download, Pencil } from "lucide-react";
import { requirePageContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { loadCompileEnv } from "@/lib/segments/evaluate";
import { parseMemberParams, segmentMemberPage } from "@/lib/segments/members";
import { getSegment } from "@/lib/segments/saved";
import { segmentSentence } from "@/lib/segments/sentence";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { MemberTable } from "@/components/segments/member-table";
import { SegmentActions } from "@/components/segments/segment-actions";

export const metadata: Metadata = { title: "Segment members" };

export default async function SegmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const context = await requirePageContext("manager");
  const { id } = await params;
  const segment = await getSegment(context, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const memberParams = parseMemberParams(await searchParams);
  const [result, env] = await Promise.all([segmentMemberPage(context, segment, memberParams), loadCompileEnv(context)]);
  const sentence = segmentSentence(segment.definition, {
    segments: new Map([...env.segments].map(([k, v]) => [k, v.name])),
    money: (v) => formatMoney(v, context.merchant.currency),
  });
  return (
    <>
      <PageHeader
        title={segment.name}
        description={<span data-testid="segment-sentence">{sentence}</span>}
        actions={<>
          <Link href={`/segments/${id}/edit`} className={buttonClass("secondary")}><Pencil aria-hidden className="size-4" /> Edit</Link>
          <a href={`/segments/${id}/export`} className={buttonClass("secondary")} download><Download aria-hidden className="size-4" /> Export CSV</a>
        </>}
      />
      {segment.description && <p className="-mt-3 mb-4 text-sm text-stone-600">{segment.description}</p>}
      <div className="mb-4"><SegmentActions id={id} name={segment.name} /></div>
      <MemberTable result={result} sort={{ id: memberParams.sort, desc: memberParams.desc }} currency={context.merchant.currency} />
    </>
  );
}
