import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** The locations the counter offers for new events: archived ones are left out. */
export async function listLocations(context: MerchantContext): Promise<{ id: string; name: string }[]> {
  return db.location.findMany({ where: { merchantId: context.merchantId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The location this user recorded at last, so a counter tablet keeps its location. */
export async function lastLocationId(context: MerchantContext): Promise<string | null> {
  const user = await db.user.findFirst({ where: { id: context.user.id, merchantId: context.merchantId }, select: { lastLocationId: true } });
  return user?.lastLocationId ?? null;
}

export async function rememberLastLocation(context: MerchantContext, locationId: string | null): Promise<void> {
  await db.user.updateMany({
    where: { id: context.user.id, merchantId: context.merchantId },
    data: { lastLocationId: locationId },
  });
}

export async function isLocationArchived(context: MerchantContext, locationId: string): Promise<boolean> {
  const location = await db.location.findFirst({ where: { merchantId: context.merchantId, id: locationId }, select: { archivedAt: true } });
  return Boolean(location?.archivedAt);
}
