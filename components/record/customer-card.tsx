import type { PassState } from "@/lib/events/types";
import { formatCount, formatMoney } from "@/lib/format";

export interface SelectedCustomer {
  id: string;
  label: string;
  contact: string;
  passSerial: string;
  pass: PassState;
}

/** Who is at the counter and where their pass stands. */
export function CustomerCard({ customer, currency }: { customer: SelectedCustomer; currency: string }) {
  const stats = [
    { label: "Points", value: formatCount(customer.pass.pointsBalance), id: "pass-points" },
    { label: "Visits", value: formatCount(customer.pass.visitCount), id: "pass-visits" },
    { label: "Tier", value: customer.pass.tier ?? "—", id: "pass-tier" },
    { label: "Spend", value: formatMoney(customer.pass.lifetimeSpend, currency), id: "pass-spend" },
  ];
  return (
    <section aria-label="Selected customer" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 className="min-w-0 truncate text-xl font-semibold" data-testid="selected-customer">{customer.label}</h2>
        <span className="font-mono text-sm text-stone-600">{customer.passSerial}</span>
      </div>
      {customer.contact && <p className="truncate text-sm text-stone-500">{customer.contact}</p>}
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.id} className="min-w-0 rounded-lg bg-stone-50 px-3 py-2">
            <dt className="text-xs text-stone-500">{s.label}</dt>
            {/* A long amount wraps inside its tile instead of running out of it. */}
            <dd className="text-lg font-semibold tabular-nums [overflow-wrap:anywhere]" data-testid={s.id}>{s.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
