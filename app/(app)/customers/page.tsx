import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/lib/auth/session";
import { recentCustomers } from "@/lib/customers/queries";
import { formatLocal } from "@/lib/time";
import { formatCount, formatMoney } from "@/lib/format";
import { EmptyState, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const context = await requirePageContext("staff");
  const customers = await recentCustomers(context);
  const { currency, timeZone } = context.merchant;
  return (
    <>
      <PageHeader title="Customers" description="Most recently active customers." />
      {customers.length === 0 ? (
        <EmptyState title="No customers yet">Record an event or import a spreadsheet.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th className="px-3 py-2 font-medium">Name</th>
                <th className="hidden px-3 py-2 font-medium md:table-cell">Pass</th>
                <th className="px-3 py-2 text-right font-medium">Visits</th>
                <th className="hidden px-3 py-2 text-right font-medium sm:table-cell">Spend</th>
                <th className="hidden px-3 py-2 font-medium md:table-cell">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((c) => (
                <tr key={c.id} className="border-t border-stone-100 hover:bg-stone-50">
                  <td className="px-3 py-2">
                    <Link href={`/customers/${c.id}`} className="font-medium text-stone-900 hover:underline">{c.name ?? c.email ?? c.passSerial}</Link>
                    <div className="text-xs text-stone-500">{c.email ?? c.phone}</div>
                  </td>
                  <td className="hidden px-3 py-2 font-mono text-xs md:table-cell">{c.passSerial}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(c.visitCount)}</td>
                  <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{formatMoney(c.lifetimeSpend.toFixed(2), currency)}</td>
                  <td className="hidden px-3 py-2 md:table-cell">{c.lastSeenAt ? formatLocal(c.lastSeenAt, timeZone, "MMM d, yyyy") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
