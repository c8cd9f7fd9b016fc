import type { Metadata } from "next";
import Link from "next/link";
import { PlusCircle } from "lucide-react";
import { requirePageContext } from "@/lib/auth/session";
import { formatCount, formatMoney } from "@/lib/format";
import { listSegments } from "@/lib/segments/saved";
import { segmentSentence } from "@/lib/segments/sentence";
import { SEGMENT_TEMPLATES } from "@/lib/segments/templates";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SizeSparkline } from "@/components/segments/size-sparkline";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  const context = await requirePageContext("manager");
  const { segments, totalCustomers } = await listSegments(context);
  const money = (v: string) => formatMoney(v, context.merchant.currency);
  return (
    <>
      <PageHeader
        title="Segments"
        description="Groups of customers by what they did, counted exactly, now, in your time zone."
        actions={<Link href="/segments/new" className={buttonClass("primary")}><PlusCircle aria-hidden className="size-4" /> New segment</Link>}
      />
      {segments.length === 0 ? (
        <EmptyState title="No saved segments yet">Start from a template below, or build one from scratch.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Saved segments</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr><th className="px-3 py-2">Segment</th><th className="px-3 py-2 text-right">Members</th><th className="hidden px-3 py-2 text-right sm:table-cell">Share</th><th className="hidden px-3 py-2 md:table-cell">Last 30 days</th></tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.id} className="border-t border-stone-100 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/segments/${s.id}`} className="font-medium underline-offset-2 hover:underline">{s.name}</Link>
                    <div className="text-xs text-stone-500">{s.description || segmentSentence(s.definition, { money })}</div>
                    {s.warnings.length > 0 && <div className="text-xs text-amber-800">{s.warnings[0]?.message}</div>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="segment-list-count">{formatCount(s.count)}</td>
                  <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{totalCustomers ? ((s.count / totalCustomers) * 100).toFixed(1) : "0.0"}%</td>
                  <td className="hidden px-3 py-2 md:table-cell"><SizeSparkline points={s.history} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title="Start from a template" className="mt-6">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {SEGMENT_TEMPLATES.map((t) => (
            <li key={t.key}>
              <Link href={`/segments/new?template=${t.key}`} className="block rounded-lg border border-stone-200 p-3 hover:bg-stone-50">
                <span className="font-medium">{t.name}</span>
                <span className="block text-xs text-stone-600">{t.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
