import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/session";
import { getCustomer, recentCustomerEvents } from "@/lib/customers/queries";
import { formatLocal } from "@/lib/time";
import { formatCount, formatMoney } from "@/lib/format";
import { Card, PageHeader, Stat } from "@/components/ui/card";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await requirePageContext("staff");
  const { id } = await params;
  const customer = await getCustomer(context, id);
  if (!customer) notFound();
  const events = await recentCustomerEvents(context, customer.id);
  const { currency, timeZone } = context.merchant;
  return (
    <>
      <PageHeader title={customer.name ?? customer.passSerial} description={[customer.email, customer.phone].filter(Boolean).join(" · ")} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Points" value={formatCount(customer.pointsBalance)} />
        <Stat label="Visits" value={formatCount(customer.visitCount)} />
        <Stat label="Lifetime spend" value={formatMoney(customer.lifetimeSpend.toFixed(2), currency)} />
        <Stat label="Tier" value={customer.tier ?? "—"} hint={`Pass ${customer.passSerial} · ${customer.passStatus.replace("_", " ")}`} />
      </div>
      <Card title="Recent events" className="mt-4">
        {events.length === 0 ? (
          <p className="text-sm text-stone-500">No events recorded for this customer yet.</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {events.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                <span className={e.voidedAt ? "text-stone-400 line-through" : ""}>
                  {e.type === "custom" ? e.customName : e.type.replace(/_/g, " ")}
                  {e.amount && ` · ${formatMoney(e.amount.toFixed(2), currency)}`}
                  {e.location && <span className="text-stone-500"> · {e.location.name}</span>}
                </span>
                <span className="text-stone-500">{formatLocal(e.occurredAt, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
