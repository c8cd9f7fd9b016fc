"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import type { AuditLogRow } from "@/lib/audit-log/queries";
import { auditSentence } from "@/lib/audit-log/sentences";
import { PAGE_SIZES } from "@/lib/customers/list-params";
import type { Paged } from "@/lib/paging";
import { formatLocal } from "@/lib/time";
import { NOUNS } from "@/lib/plural";
import { DataTable, type DataTableFeatures } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

const helper = createColumnHelper<DataTableFeatures, AuditLogRow>();

function makeColumns(timeZone: string, currency: string) {
  return helper.columns([
    helper.accessor("createdAt", {
      id: "when", header: "When", enableSorting: false, meta: { className: "whitespace-nowrap" },
      cell: ({ getValue }) => formatLocal(new Date(getValue()), timeZone, "MMM d, yyyy, h:mm a"),
    }),
    // One sentence per entry: who did what to whom, with before → after when the entry holds it.
    helper.accessor("action", {
      id: "action", header: "What happened", enableSorting: false,
      cell: ({ row }) => {
        const r = row.original;
        return (
          // A sentence reads left to right, also in the phone's card layout (which right-aligns values).
          <div data-testid="audit-entry" className="max-sm:text-left">
            {auditSentence(r, currency).map((part, i) =>
              typeof part === "string" ? <span key={i}>{part}</span>
                // Names are looked up now: a customer who was deleted since reads as "a deleted customer".
                : part.name ? <Link key={i} href={`/customers/${part.customer}`} className="font-medium text-brand-700 hover:underline">{part.name}</Link>
                : <span key={i} className="text-stone-600">a deleted customer</span>)}
            {r.action === "customer.deleted" && r.targetId && <span className="block font-mono text-xs text-stone-500">Receipt {r.id}</span>}
          </div>
        );
      },
    }),
  ]);
}

export function AuditLogTable({ result, timeZone, currency, filtered }: { result: Paged<AuditLogRow>; timeZone: string; currency: string; filtered: boolean }) {
  // Stable between renders so the table's column model is not rebuilt on every navigation.
  const columns = useMemo(() => makeColumns(timeZone, currency), [timeZone, currency]);
  return (
    <DataTable
      columns={columns}
      result={result}
      getRowId={(row) => row.id}
      pageSizes={PAGE_SIZES}
      caption="Audit log"
      noun={NOUNS.entry}
      empty={filtered
        ? <EmptyState title="No entries match these filters" action={<Link href="/settings/audit-log" className={buttonClass("secondary")}>Clear filters</Link>} />
        : <EmptyState title="Nothing logged yet">Sign-ins, team changes, exports and deletions appear here.</EmptyState>}
    />
  );
}
