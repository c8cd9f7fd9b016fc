import type { Metadata } from "next";
import Link from "next/link";
import { Download, PlusCircle } from "lucide-react";
import { Suspense, type ReactNode } from "react";
import { requirePageContext, type MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listCustomers, merchantTierNames } from "@/lib/customers/list";
import { customerListQuery, hasFilters, parseCustomerListParams, tooShortSearch, type CustomerListParams } from "@/lib/customers/list-params";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { CustomerFilters } from "@/components/customers/customer-filters";
import { CustomerTable } from "@/components/customers/customer-table";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const context = await requirePageContext("staff");
  const raw = await searchParams;
  const params = parseCustomerListParams(raw);
  const tiers = await merchantTierNames(context);
  const filtered = hasFilters(params);
  const shortSearch = tooShortSearch(raw);
  const { currency, timeZone } = context.merchant;
  const canExport = hasRole(context.user.role, "manager");
  const filterQuery = customerListQuery({ q: params.q, tier: params.tier, pass: params.pass, activity: params.activity });

  const empty = filtered ? (
    <EmptyState title="No customers match these filters" action={<Link href="/customers" className={buttonClass("secondary")}>Clear filters</Link>}>
      Try a shorter search, or another tier, pass status or activity.
    </EmptyState>
  ) : (
    <EmptyState title="No customers yet — record an event or import a spreadsheet" action={
      <div className="flex flex-wrap justify-center gap-2">
        <Link href="/record" className={buttonClass("primary")}><PlusCircle aria-hidden className="size-4" /> Record an event</Link>
        {canExport && <Link href="/imports" className={buttonClass("secondary")}>Import a spreadsheet</Link>}
      </div>
    }>
      Customers appear here as soon as their first visit, purchase or pass install is recorded.
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title="Customers"
        description="Find a customer by name, email, phone or pass serial."
        actions={canExport ? (
          <a href={`/customers/export${filterQuery}`} className={buttonClass("secondary")} download>
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        ) : undefined}
      />
      {raw.deleted === "1" && (
        <p role="status" className="mb-4 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Customer deleted. The receipt is in Settings → Privacy.
        </p>
      )}
      <CustomerFilters params={params} tiers={tiers} typedSearch={shortSearch ?? params.q} />
      {shortSearch && (
        <p role="status" className="-mt-2 mb-3 text-sm text-amber-800">Type at least 3 characters to search — showing all customers.</p>
      )}
      {/* Streams in below the filters; a nested loading.tsx would also wrap /customers/[id] and turn its 404s into 200s. */}
      <Suspense key={customerListQuery(params)} fallback={<TableLoading />}>
        <CustomerResults context={context} params={params} currency={currency} timeZone={timeZone} empty={empty} />
      </Suspense>
    </>
  );
}

async function CustomerResults({ context, params, currency, timeZone, empty }: {
  context: MerchantContext;
  params: CustomerListParams;
  currency: string;
  timeZone: string;
  empty: ReactNode;
}) {
  const result = await listCustomers(context, params);
  return <CustomerTable result={result} sort={{ id: params.sort, desc: params.dir === "desc" }} currency={currency} timeZone={timeZone} empty={empty} />;
}

function TableLoading() {
  return (
    <div aria-busy="true" aria-label="Loading customers" className="animate-pulse space-y-2 rounded-xl border border-stone-200 bg-white p-3">
      {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-10 rounded bg-stone-100" />)}
    </div>
  );
}
