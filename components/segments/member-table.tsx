"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { formatCount, formatMoney } from "@/lib/format";
import type { Paged } from "@/lib/paging";
import type { MemberListRow } from "@/lib/segments/members";
import { DataTable, type DataTableFeatures } from "@/components/ui/data-table";

const helper = createColumnHelper<DataTableFeatures, MemberListRow>();

function makeColumns(currency: string) {
  return helper.columns([
    helper.accessor("name", {
      id: "name", header: "Customer", sortDescFirst: false,
      cell: ({ row }) => (
        <div className="min-w-0">
          <Link href={`/customers/${row.original.id}`} className="font-medium underline-offset-2 hover:underline">{row.original.name ?? row.original.passSerial}</Link>
          <div className="font-mono text-xs text-stone-500">{row.original.passSerial}</div>
        </div>
      ),
    }),
    helper.accessor("values", {
      id: "why", header: "Why they are in", enableSorting: false,
      cell: ({ getValue }) => <span className="text-xs text-stone-700" data-testid="member-values">{getValue().join(" · ") || "—"}</span>,
    }),
    helper.accessor("visitCount", { id: "visits", header: "Visits", sortDescFirst: true, meta: { align: "right", className: "hidden sm:table-cell" }, cell: ({ getValue }) => formatCount(getValue()) }),
    helper.accessor("pointsBalance", { id: "points", header: "Points", sortDescFirst: true, meta: { align: "right", className: "hidden md:table-cell" }, cell: ({ getValue }) => formatCount(getValue()) }),
    helper.accessor("lifetimeSpend", { id: "spend", header: "Spend", sortDescFirst: true, meta: { align: "right" }, cell: ({ getValue }) => formatMoney(getValue(), currency) }),
  ]);
}

export function MemberTable({ result, sort, currency }: { result: Paged<MemberListRow>; sort: { id: string; desc: boolean }; currency: string }) {
  const columns = useMemo(() => makeColumns(currency), [currency]);
  return (
    <DataTable columns={columns} result={result} getRowId={(r) => r.id} sort={sort} pageSizes={[25, 50, 100]} caption="Segment members" noun={{ one: "member", other: "members" }}
      empty={<p className="p-6 text-center text-sm text-stone-600">Nobody is in this segment right now.</p>} />
  );
}
