import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const customerSummarySelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  externalId: true,
  passSerial: true,
  passStatus: true,
  pointsBalance: true,
  visitCount: true,
  lifetimeSpend: true,
  tier: true,
  firstSeenAt: true,
  lastSeenAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerSummary = Prisma.CustomerGetPayload<{ select: typeof customerSummarySelect }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One customer of the caller's merchant, or null (also for another merchant's id). */
export async function getCustomer(context: MerchantContext, customerId: string): Promise<CustomerSummary | null> {
  if (!UUID.test(customerId)) return null;
  return db.customer.findFirst({ where: { id: customerId, merchantId: context.merchantId }, select: customerSummarySelect });
}

export async function recentCustomers(context: MerchantContext, limit = 50): Promise<CustomerSummary[]> {
  return db.customer.findMany({
    where: { merchantId: context.merchantId },
    orderBy: [{ lastSeenAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
    select: customerSummarySelect,
  });
}

export async function recentCustomerEvents(context: MerchantContext, customerId: string, limit = 20) {
  return db.event.findMany({
    where: { merchantId: context.merchantId, customerId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, type: true, customName: true, occurredAt: true, amount: true, points: true, voidedAt: true, location: { select: { name: true } } },
  });
}
