"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import type { AuditLogRow } from "@/lib/audit-log/queries";
import { auditActionLabel, auditDetailsText } from "@/lib/audit-log/labels";
import { PAGE_SIZES } from "@/lib/customers/list-params";
import type { Paged } from "@/lib/paging";
import { formatLocal } from "@/lib/time";
import { NOUNS } from "@/lib/plural";
import { DataTable, type DataTableFeatures } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

const helper = createColumnHelper<DataTableFeatures, AuditLogRow>();

function makeColumns(timeZone: string) {
  return helper.columns([
    helper.accessor("createdAt", {
      id: "when", header: "When", enableSorting: false, meta: { className: "whitespace-nowrap" },
      cell: ({ getValue }) => formatLocal(new Date(getValue()), timeZone, "MMM d, yyyy, h:mm a"),
    }),
    helper.accessor("actorLabel", { id: "who", header: "Who", enableSorting: false }),
    helper.accessor("action", {
      id: "action", header: "What", enableSorting: false,
      cell: ({ row }) => {
        const r = row.original;
        // Names are looked up now: a customer who was deleted since reads as "a deleted customer".
        const customer = r.targetType === "customer" && r.targetId;
        return (
          <div>
            <span className="font-medium">{auditActionLabel(r.action)}</span>
            {customer && (r.targetName
              ? <> · <Link href={`/customers/${r.targetId}`} className="text-brand-700 hover:underline">{r.targetName}</Link></>
              : <span className="text-stone-600"> · a deleted customer</span>)}
            {r.targetType === "user" && r.targetName && <span className="text-stone-600"> · {r.targetName}</span>}
            {r.action === "customer.deleted" && r.targetId && <span className="block font-mono text-xs text-stone-500">Receipt {r.id}</span>}
          </div>
        );
      },
    }),
    helper.accessor("details", {
      id: "details", header: "Details", enableSorting: false, meta: { className: "hidden md:table-cell text-stone-600" },
      cell: ({ getValue }) => auditDetailsText(getValue()),
    }),
  ]);
}

export function AuditLogTable({ result, timeZone, filtered }: { result: Paged<AuditLogRow>; timeZone: string; filtered: boolean }) {
  // Stable between renders so the table's column model is not rebuilt on every navigation.
  const columns = useMemo(() => makeColumns(timeZone), [timeZone]);
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
