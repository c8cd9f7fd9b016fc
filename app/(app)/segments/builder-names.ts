import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { merchantTierNames } from "@/lib/customers/list";
import { listLocations } from "@/lib/locations/queries";
import { segmentNames } from "@/lib/segments/saved";
import { localDate } from "@/lib/time";

/** What the builder's choices need: locations, other saved segments, tier names, today (local). */
export async function builderProps(context: MerchantContext, exceptSegmentId?: string) {
  const [locations, segments, tiers] = await Promise.all([listLocations(context), segmentNames(context, exceptSegmentId), merchantTierNames(context)]);
  return { names: { locations, segments, tiers }, currency: context.merchant.currency, today: localDate(new Date(), context.merchant.timeZone) };
}
