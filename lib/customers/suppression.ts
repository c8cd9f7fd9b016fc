import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// A deleted customer leaves only hashes of their identifiers behind, so new events naming the same
// person are refused (not silently re-creating them) until an owner lifts the suppression.

export const SUPPRESSION_KINDS = ["passSerial", "email", "externalId", "phone"] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];
export type SuppressibleIdentifiers = Partial<Record<SuppressionKind, string | null | undefined>>;

export const SUPPRESSION_KIND_LABELS: Record<SuppressionKind, string> = {
  passSerial: "Pass serial",
  email: "Email",
  externalId: "External ID",
  phone: "Phone",
};

/** The form an identifier is compared in: emails lower-cased, phones digits only, others trimmed. */
export function normaliseIdentifier(kind: SuppressionKind, value: string): string {
  switch (kind) {
    case "email": return value.trim().toLowerCase();
    case "phone": return value.replace(/\D/g, "");
    default: return value.trim();
  }
}

/** sha256 hex of `${merchantId}:${kind}:${normalised value}`. */
export function suppressionHash(merchantId: string, kind: SuppressionKind, value: string): string {
  return createHash("sha256").update(`${merchantId}:${kind}:${normaliseIdentifier(kind, value)}`).digest("hex");
}

/** The identifiers worth suppressing, hashed; blank ones (or a phone with no digits) are skipped. */
export function suppressionHashes(merchantId: string, identifiers: SuppressibleIdentifiers): { kind: SuppressionKind; hash: string }[] {
  return SUPPRESSION_KINDS.flatMap((kind) => {
    const value = identifiers[kind];
    if (!value || normaliseIdentifier(kind, value) === "") return [];
    return [{ kind, hash: suppressionHash(merchantId, kind, value) }];
  });
}

type Tx = Prisma.TransactionClient | typeof db;

/**
 * The kind of the first identifier that belongs to a deleted customer (and is not lifted), or
 * null. recordEvents calls this before creating a customer, to refuse with
 * "This customer asked to be deleted".
 */
export async function findSuppressed(tx: Tx, merchantId: string, identifiers: SuppressibleIdentifiers): Promise<SuppressionKind | null> {
  const hashes = suppressionHashes(merchantId, identifiers);
  if (hashes.length === 0) return null;
  const hit = await tx.customerSuppression.findFirst({
    where: { merchantId, liftedAt: null, identifierHash: { in: hashes.map((h) => h.hash) } },
    select: { identifierHash: true },
  });
  return hit ? (hashes.find((h) => h.hash === hit.identifierHash)?.kind ?? null) : null;
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
