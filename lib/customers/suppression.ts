import "server-only";
import { isSupportedCountry } from "libphonenumber-js";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CountryCode } from "./identifiers";
import { keyedHash, matchingHashes, normaliseIdentifier, SUPPRESSION_KINDS, type SuppressionKind } from "./suppression-keys";

// A deleted customer leaves only keyed hashes of their identifiers behind (suppression-keys.ts),
// so new events naming the same person are refused (not silently re-creating them) until an owner
// lifts the suppression. Identifiers are normalised first (lib/customers/identifiers.ts): a phone
// written another way, a serial in another case or with a zero-width space is the same person.

export { SUPPRESSION_KINDS, type SuppressionKind } from "./suppression-keys";
export type SuppressibleIdentifiers = Partial<Record<SuppressionKind, string | null | undefined>>;

export const SUPPRESSION_KIND_LABELS: Record<SuppressionKind, string> = {
  passSerial: "Pass serial",
  email: "Email",
  externalId: "External ID",
  phone: "Phone",
};

/** The keyed hash a new block of this identifier stores. Throws for a blank identifier. */
export function suppressionHash(merchantId: string, kind: SuppressionKind, value: string, region?: CountryCode): string {
  const normalised = normaliseIdentifier(kind, value, region);
  if (normalised === null) throw new RangeError(`A blank ${kind} cannot be suppressed`);
  return keyedHash(merchantId, kind, normalised);
}

/** The identifiers worth suppressing, hashed; blank ones are skipped. */
export function suppressionHashes(merchantId: string, identifiers: SuppressibleIdentifiers, region?: CountryCode): { kind: SuppressionKind; hash: string }[] {
  return SUPPRESSION_KINDS.flatMap((kind) => {
    const value = identifiers[kind];
    const normalised = value ? normaliseIdentifier(kind, value, region) : null;
    return normalised === null ? [] : [{ kind, hash: keyedHash(merchantId, kind, normalised) }];
  });
}

type Tx = Prisma.TransactionClient | typeof db;

/** The merchant's country as the default region for phone numbers, if it has a valid one. */
export async function merchantRegion(tx: Tx, merchantId: string): Promise<CountryCode | undefined> {
  const merchant = await tx.merchant.findUnique({ where: { id: merchantId }, select: { country: true } });
  const country = merchant?.country?.toUpperCase();
  return country && isSupportedCountry(country) ? country : undefined;
}

/**
 * Every hash a block of these identifiers may have been stored under (normalised; current and old
 * secrets; blocks from before keyed hashing). Set-based callers (lib/customers/creation.ts) look
 * many rows' candidates up in one query.
 */
export function suppressionCandidates(merchantId: string, identifiers: SuppressibleIdentifiers, region?: CountryCode): { kind: SuppressionKind; hash: string }[] {
  return SUPPRESSION_KINDS.flatMap((kind) => {
    const raw = identifiers[kind];
    const normalised = raw ? normaliseIdentifier(kind, raw, region) : null;
    return raw && normalised !== null ? matchingHashes(merchantId, kind, raw, normalised).map((hash) => ({ kind, hash })) : [];
  });
}

/**
 * The kind of the first identifier that belongs to a deleted customer (and is not lifted), or
 * null. recordEvents calls this before creating a customer, to refuse with
 * "This customer asked to be deleted". Every hash a block may have been stored under is tried
 * (current and old secrets, blocks from before keyed hashing).
 */
export async function findSuppressed(tx: Tx, merchantId: string, identifiers: SuppressibleIdentifiers): Promise<SuppressionKind | null> {
  const region = identifiers.phone ? await merchantRegion(tx, merchantId) : undefined;
  const candidates = suppressionCandidates(merchantId, identifiers, region);
  if (candidates.length === 0) return null;
  const hit = await tx.customerSuppression.findFirst({
    where: { merchantId, liftedAt: null, identifierHash: { in: candidates.map((h) => h.hash) } },
    select: { identifierHash: true },
  });
  return hit ? (candidates.find((h) => h.hash === hit.identifierHash)?.kind ?? null) : null;
}

export interface SuppressionListItem {
  id: string;
  kind: string;
  createdAt: Date;
  liftedAt: Date | null;
  auditLogId: string | null;
  /** From the deletion receipt: who deleted the customer and the customer id (no personal data). */
  receipt: { actorLabel: string; customerId: string | null; eventsRemoved: number | null } | null;
}

/** The merchant's suppressions, newest first, each with its deletion receipt. */
export async function listSuppressions(context: MerchantContext, limit = 200): Promise<SuppressionListItem[]> {
  const rows = await db.customerSuppression.findMany({
    where: { merchantId: context.merchantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, createdAt: true, liftedAt: true, auditLogId: true },
  });
  const auditIds = [...new Set(rows.flatMap((r) => (r.auditLogId ? [r.auditLogId] : [])))];
  const receipts = auditIds.length
    ? await db.auditLog.findMany({ where: { merchantId: context.merchantId, id: { in: auditIds } }, select: { id: true, actorLabel: true, targetId: true, details: true } })
    : [];
  const byId = new Map(receipts.map((r) => [r.id, r]));
  return rows.map((row) => {
    const receipt = row.auditLogId ? byId.get(row.auditLogId) : undefined;
    const details = receipt?.details as { eventsRemoved?: unknown } | undefined;
    return {
      ...row,
      receipt: receipt
        ? { actorLabel: receipt.actorLabel, customerId: receipt.targetId, eventsRemoved: typeof details?.eventsRemoved === "number" ? details.eventsRemoved : null }
        : null,
    };
  });
}

/** Owner only: lets events with this identifier create a customer again. Audit-logged. */
export async function liftSuppression(context: MerchantContext, suppressionId: string): Promise<void> {
  if (context.user.role !== "owner") throw new AppError("forbidden", "Only owners can lift a deletion block.");
  if (!z.uuid().safeParse(suppressionId).success) throw notFound("That deletion block");
  await db.$transaction(async (tx) => {
    const row = await tx.customerSuppression.findFirst({ where: { id: suppressionId, merchantId: context.merchantId }, select: { id: true, kind: true, liftedAt: true, auditLogId: true } });
    if (!row) throw notFound("That deletion block");
    if (row.liftedAt) throw new AppError("conflict", "This block was already lifted.");
    await tx.customerSuppression.update({ where: { id: row.id }, data: { liftedAt: new Date(), liftedById: context.user.id } });
    await writeAudit(
      { merchantId: context.merchantId, userId: context.user.id, label: context.user.name },
      { action: "suppression.lifted", targetType: "suppression", targetId: row.id, details: { kind: row.kind, receipt: row.auditLogId } },
      tx,
    );
  });
}
