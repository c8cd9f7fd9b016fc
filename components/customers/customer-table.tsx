"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { formatPhone } from "@/lib/customers/identifiers";
import type { CustomerListRow } from "@/lib/customers/list";
import { phoneRegionFor } from "@/lib/customers/region";
import { PAGE_SIZES } from "@/lib/customers/list-params";
import { formatCount, formatMoney } from "@/lib/format";
import { NOUNS } from "@/lib/plural";
import type { Paged } from "@/lib/paging";
import { formatLocal } from "@/lib/time";
import { DataTable, type DataTableFeatures } from "@/components/ui/data-table";
import { PassStatusBadge } from "./pass-status-badge";

const helper = createColumnHelper<DataTableFeatures, CustomerListRow>();

function makeColumns(currency: string, timeZone: string) {
  return helper.columns([
    helper.accessor("name", {
      id: "name",
      header: "Customer",
      sortDescFirst: false,
      cell: ({ row }) => {
        const c = row.original;
        return (
          <div className="min-w-0">
            <Link href={`/customers/${c.id}`} className="font-medium text-stone-900 underline-offset-2 hover:underline">
              {c.name ?? c.email ?? c.passSerial}
            </Link>
            <div className="max-w-[11rem] truncate text-xs text-stone-500 sm:max-w-[15rem] xl:max-w-none">{[c.email, c.phone && formatPhone(c.phone, phoneRegionFor(timeZone))].filter(Boolean).join(" · ") || "No contact details"}</div>
          </div>
        );
      },
    }),
    helper.accessor("passSerial", {
      id: "pass",
      header: "Pass",
      enableSorting: false,
      meta: { className: "hidden lg:table-cell" },
      cell: ({ row }) => (
        <div>
          <span className="font-mono text-xs">{row.original.passSerial}</span>
          <div className="mt-0.5"><PassStatusBadge status={row.original.passStatus} /></div>
        </div>
      ),
    }),
    helper.accessor("tier", {
      id: "tier",
      header: "Tier",
      enableSorting: false,
      meta: { className: "hidden sm:table-cell" },
      cell: ({ getValue }) => getValue() ?? <span className="text-stone-400">—</span>,
    }),
    helper.accessor("visitCount", { id: "visits", header: "Visits", sortDescFirst: true, meta: { align: "right" }, cell: ({ getValue }) => formatCount(getValue()) }),
    helper.accessor("pointsBalance", {
      id: "points", header: "Points", sortDescFirst: true, meta: { align: "right", className: "hidden md:table-cell" },
      cell: ({ getValue }) => formatCount(getValue()),
    }),
    helper.accessor("lifetimeSpend", { id: "spend", header: "Spend", sortDescFirst: true, meta: { align: "right" }, cell: ({ getValue }) => formatMoney(getValue(), currency) }),
    helper.accessor("lastSeenAt", {
      id: "lastSeen", header: "Last activity", sortDescFirst: true, meta: { className: "hidden sm:table-cell whitespace-nowrap" },
      cell: ({ getValue }) => {
        const seen = getValue();
        return seen ? formatLocal(new Date(seen), timeZone, "MMM d, yyyy") : <span className="text-stone-400">Never</span>;
      },
    }),
  ]);
}

export function CustomerTable({ result, sort, currency, timeZone, empty }: {
  result: Paged<CustomerListRow>;
  sort: { id: string; desc: boolean };
  currency: string;
  timeZone: string;
  empty: ReactNode;
}) {
  // Stable between renders so the table's column model is not rebuilt on every navigation.
  const columns = useMemo(() => makeColumns(currency, timeZone), [currency, timeZone]);
  return (
    <DataTable
      columns={columns}
      result={result}
      getRowId={(row) => row.id}
      pageSizes={PAGE_SIZES}
      sort={sort}
      empty={empty}
      caption="Customers"
      noun={NOUNS.customer}
    />
  );
}

