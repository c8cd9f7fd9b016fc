import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { listRewards } from "@/lib/rewards/catalogue";
import { getCustomerHit } from "@/lib/customers/search";
import { lastLocationId, listLocations } from "@/lib/locations/queries";
import { PageHeader } from "@/components/ui/card";
import { RecordScreen } from "@/components/record/record-screen";

export const metadata: Metadata = { title: "Record event" };

export default async function RecordPage({ searchParams }: { searchParams: Promise<{ customer?: string | string[] }> }) {
  const context = await requirePageContext("staff");
  const { customer } = await searchParams;
  // A bad or foreign id in the link is dropped, not an error: the search is shown instead.
  const [initialCustomer, locations, lastLocation, rewards] = await Promise.all([
    typeof customer === "string" ? getCustomerHit(context, customer) : null,
    listLocations(context),
    lastLocationId(context),
    listRewards(context, { activeOnly: true }),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Record event" description="Find the customer, pick what happened, done." />
      <RecordScreen
        initialCustomer={initialCustomer}
        locations={locations}
        lastLocationId={locations.some((l) => l.id === lastLocation) ? lastLocation : null}
        currency={context.merchant.currency}
        timeZone={context.merchant.timeZone}
        rewards={rewards}
        canTypeReward={hasRole(context.user.role, "manager")}
      />
    </div>
  );
}
