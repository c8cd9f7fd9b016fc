import "server-only";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { passSelect, withPass } from "./pass";

/** How a point-of-sale identifies the customer in front of it: a scanned pass, its own id, or email. */
export type CustomerLookupRef = { passSerial: string } | { externalId: string } | { email: string };

export interface CustomerLookup {
  customer: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    externalId: string | null;
    passSerial: string;
    passStatus: string;
  };
  pass: { pointsBalance: number; visitCount: number; lifetimeSpend: string; tier: string | null; lastSeenAt: string | null };
}

export type CustomerLookupResult = { status: "found"; lookup: CustomerLookup } | { status: "not_found" } | { status: "ambiguous" };

const lookupSelect = {
  id: true, name: true, email: true, phone: true, externalId: true, passSerial: true, pass: { select: passSelect },
} satisfies Prisma.CustomerSelect;

/**
 * Answers a scan at the counter: the customer of this merchant with that pass serial (or external
 * id, or email) and their pass state. Emails are not unique, so two matches are reported as
 * ambiguous rather than picking one.
 */
export async function lookupCustomer(scope: MerchantScope, ref: CustomerLookupRef): Promise<CustomerLookupResult> {
  const where: Prisma.CustomerWhereInput =
    "passSerial" in ref
      ? { merchantId: scope.merchantId, passSerial: ref.passSerial.trim() }
      : "externalId" in ref
        ? { merchantId: scope.merchantId, externalId: ref.externalId.trim() }
        : { merchantId: scope.merchantId, email: ref.email.trim().toLowerCase() };
  const rows = await db.customer.findMany({ where, select: lookupSelect, take: 2 });
  if (rows.length > 1) return { status: "ambiguous" };
  const found = rows[0];
  if (!found) return { status: "not_found" };
  const row = withPass(found);
  return {
    status: "found",
    lookup: {
      customer: {
        id: row.id, name: row.name, email: row.email, phone: row.phone, externalId: row.externalId,
        passSerial: row.passSerial, passStatus: row.passStatus,
      },
      pass: {
        pointsBalance: row.pointsBalance,
        visitCount: row.visitCount,
        lifetimeSpend: row.lifetimeSpend,
        tier: row.tier,
        lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
      },
    },
  };
}
