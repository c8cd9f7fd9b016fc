import { formatPhone } from "@/lib/customers/identifiers";
import { phoneRegionFor } from "@/lib/customers/region";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ChevronLeft, Download, PlusCircle } from "lucide-react";
import { requirePageContext, type MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { passBarcodeSvg } from "@/lib/customers/barcode";
import { customerHistory } from "@/lib/customers/history";
import { parseHistoryParams, type HistoryParams } from "@/lib/customers/history-params";
import { customerMonthlySummary, customerTotals, getCustomerProfile, type CustomerProfile } from "@/lib/customers/profile";
import { formatCount, formatMoney } from "@/lib/format";
import { formatLocal } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { DeleteCustomerButton, EditContactButton } from "@/components/customers/customer-forms";
import { EventHistory } from "@/components/customers/event-history";
import { HistoryFilters } from "@/components/customers/history-filters";
import { MonthlySummary } from "@/components/customers/monthly-summary";
import { PassCard } from "@/components/customers/pass-card";
import { VoidEventButton } from "@/components/customers/void-event-button";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await requirePageContext("staff");
  const { id } = await params;
  const customer = await getCustomerProfile(context, id);
  if (!customer) notFound();
  const historyParams = parseHistoryParams(await searchParams);
  const { timeZone } = context.merchant;
  const isManager = hasRole(context.user.role, "manager");
  const displayName = customer.name ?? customer.email ?? customer.passSerial;
  const when = (d: Date | null) => (d ? formatLocal(d, timeZone, "MMM d, yyyy") : "—");

  return (
    <>
      <Link href="/customers" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ChevronLeft aria-hidden className="size-4" /> Customers
      </Link>
      <div className="mb-5 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{displayName}</h1>
          <p className="mt-1 text-stone-600">{[customer.email, customer.phone && formatPhone(customer.phone, phoneRegionFor(context.merchant.timeZone))].filter(Boolean).join(" · ") || "No contact details"}</p>
          <p className="mt-1 text-sm text-stone-500">
            First activity {when(customer.firstSeenAt)} · Last activity {when(customer.lastSeenAt)}
            {customer.externalId && <> · External ID <span className="font-mono">{customer.externalId}</span></>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {/* Recording goes through the record screen (the one write path), preselecting this customer. */}
          <Link href={`/record?customer=${customer.id}`} className={buttonClass("primary")}>
            <PlusCircle aria-hidden className="size-4" /> Record an event
          </Link>
          {isManager && (
            <>
              <EditContactButton customer={customer} />
              <a href={`/customers/${customer.id}/export`} download className={buttonClass("secondary")}>
                <Download aria-hidden className="size-4" /> Export data
              </a>
            </>
          )}
        </div>
      </div>

      {/* The customer is resolved above, before anything streams, so a wrong id answers a real 404. */}
      <Suspense key={JSON.stringify(historyParams)} fallback={<StoryLoading />}>
        <CustomerStory context={context} customer={customer} historyParams={historyParams} />
      </Suspense>

      {isManager && (
        // Apart from the everyday actions, so deleting is never a slip next to "Record an event".
        <section aria-labelledby="danger-zone" className="mt-8 rounded-xl border border-red-200 bg-red-50/50 p-4 sm:p-5" data-testid="danger-zone">
          <h2 id="danger-zone" className="text-base font-semibold text-red-900">Delete this customer</h2>
          <p className="mt-1 text-sm text-stone-700">
            On the customer&apos;s request: their events and personal data are removed for good; monthly totals stay as anonymous counts,
            and new events naming the same pass, email, phone or external ID are refused until an owner lifts the block.
          </p>
          <div className="mt-3"><DeleteCustomerButton customer={customer} /></div>
        </section>
      )}
    </>
  );
}

async function CustomerStory({ context, customer, historyParams }: { context: MerchantContext; customer: CustomerProfile; historyParams: HistoryParams }) {
  const [totals, months, history] = await Promise.all([
    customerTotals(context, customer.id),
    customerMonthlySummary(context, customer.id),
    customerHistory(context, customer.id, historyParams),
  ]);
  const { currency, timeZone } = context.merchant;
  const isManager = hasRole(context.user.role, "manager");
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <PassCard customer={customer} barcodeSvg={passBarcodeSvg(customer.passSerial)} currency={currency} />
        <div className="grid grid-cols-2 content-start gap-3 md:grid-cols-3">
          {/* Visits are on the pass card; each number appears once. */}
          <Stat label="Lifetime spend" value={formatMoney(totals.spend, currency)} hint={`${formatCount(totals.purchases)} ${totals.purchases === 1 ? "order" : "orders"}`} />
          <Stat label="Average purchase" value={totals.averagePurchase ? formatMoney(totals.averagePurchase, currency) : "—"} />
          <Stat label="Redemptions" value={formatCount(totals.redemptions)} />
          <Stat label="Points earned" value={formatCount(totals.pointsEarned)} />
          <Stat label="Points spent" value={formatCount(totals.pointsSpent)} />
        </div>
      </div>

      <Card title="History" className="mt-4 scroll-mt-20">
        <div id="history" />
        <HistoryFilters customerId={customer.id} params={historyParams} />
        <EventHistory
          customerId={customer.id}
          page={history}
          params={historyParams}
          currency={currency}
          timeZone={timeZone}
          renderVoid={(event) =>
            isManager || event.recordedById === context.user.id ? <VoidEventButton customerId={customer.id} eventId={event.id} label={event.label} /> : null
          }
        />
      </Card>
      <Card title="Last 12 months" className="mt-4">
        <MonthlySummary months={months} currency={currency} />
      </Card>
    </>
  );
}

function StoryLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the customer's history" className="animate-pulse">
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <div className="h-56 rounded-xl bg-stone-200" />
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3">{Array.from({ length: 6 }, (_, i) => <div key={i} className="h-24 rounded-xl bg-stone-200" />)}</div>
      </div>
      <div className="mt-4 h-96 rounded-xl bg-stone-200" />
    </div>
  );
}
