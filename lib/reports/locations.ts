import "server-only";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** The merchant's locations for the report filter (archived ones too: they are on past events). */
export async function listLocationsForScope(scope: MerchantScope): Promise<{ id: string; name: string }[]> {
  return db.location.findMany({ where: { merchantId: scope.merchantId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
