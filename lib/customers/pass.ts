import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The pass fields a customer page, lookup or export shows (table customer_passes). */
export const passSelect = {
  passStatus: true, pointsBalance: true, visitCount: true, lifetimeSpend: true, tier: true, firstSeenAt: true, lastSeenAt: true,
} satisfies Prisma.CustomerPassSelect;

type PassRow = Prisma.CustomerPassGetPayload<{ select: typeof passSelect }>;
export type PassFields = Omit<PassRow, "lifetimeSpend"> & { /** Exact decimal string, e.g. "261.50". */ lifetimeSpend: string };

// What a customer's pass holds before any event. Every customer is created with a pass row; this is
// only the shape of "nothing recorded yet" should one be missing.
const EMPTY_PASS: PassFields = { passStatus: "not_installed", pointsBalance: 0, visitCount: 0, lifetimeSpend: "0.00", tier: null, firstSeenAt: null, lastSeenAt: null };

/** A customer selected with `pass: { select: passSelect }`, flattened: the pass fields sit beside the customer's. */
export function withPass<T extends { pass: PassRow | null }>(row: T): Omit<T, "pass"> & PassFields {
  const { pass, ...customer } = row;
  return { ...customer, ...(pass ? { ...pass, lifetimeSpend: pass.lifetimeSpend.toFixed(2) } : EMPTY_PASS) };
}
