import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { SuppressionKind } from "./suppression";

// Settings → Privacy thinks in deletions (one person, one receipt), not in the identifier blocks
// a deletion leaves: every block of one deletion shares the deletion's audit receipt id, so that
// id groups them and lifting acts on all of them at once.

export interface DeletionListItem {
  /** The audit receipt of the deletion (customer_suppressions.audit_log_id). */
  receiptId: string;
  deletedAt: Date;
  deletedBy: string | null;
  eventsRemoved: number | null;
  /** Which identifiers are blocked, e.g. ["passSerial", "email"]. */
  kinds: SuppressionKind[];
  /** Set once every block of this deletion is lifted. */
  liftedAt: Date | null;
}

/** The merchant's deletions, newest first, one entry per deleted person. */
export async function listDeletions(context: MerchantContext, limit = 200): Promise<DeletionListItem[]> {
  const groups = await db.customerSuppression.groupBy({
    by: ["auditLogId"],
    where: { merchantId: context.merchantId, auditLogId: { not: null } },
    _min: { createdAt: true },
    _max: { liftedAt: true },
    orderBy: { _min: { createdAt: "desc" } },
    take: limit,
  });
  const receiptIds = groups.flatMap((g) => (g.auditLogId ? [g.auditLogId] : []));
  if (receiptIds.length === 0) return [];
  const [blocks, receipts] = await Promise.all([
    db.customerSuppression.findMany({ where: { merchantId: context.merchantId, auditLogId: { in: receiptIds } }, select: { auditLogId: true, kind: true, liftedAt: true } }),
    db.auditLog.findMany({ where: { merchantId: context.merchantId, id: { in: receiptIds } }, select: { id: true, actorLabel: true, details: true } }),
  ]);
  const receiptById = new Map(receipts.map((r) => [r.id, r]));
  return groups.flatMap((g) => {
    if (!g.auditLogId) return [];
    const mine = blocks.filter((b) => b.auditLogId === g.auditLogId);
    const receipt = receiptById.get(g.auditLogId);
    const details = receipt?.details as { eventsRemoved?: unknown } | undefined;
    return [{
      receiptId: g.auditLogId,
      deletedAt: g._min.createdAt ?? new Date(0),
      deletedBy: receipt?.actorLabel ?? null,
      eventsRemoved: typeof details?.eventsRemoved === "number" ? details.eventsRemoved : null,
      kinds: mine.map((b) => b.kind as SuppressionKind),
      liftedAt: mine.every((b) => b.liftedAt) ? g._max.liftedAt : null,
    }];
  });
}

/** Owner only: lifts every block of one deletion, so this person can be added again. Audit-logged. */
export async function liftDeletion(context: MerchantContext, receiptId: string): Promise<void> {
  if (context.user.role !== "owner") throw new AppError("forbidden", "Only owners can lift a deletion block.");
  if (!z.uuid().safeParse(receiptId).success) throw notFound("That deletion");
  await db.$transaction(async (tx) => {
    const blocks = await tx.customerSuppression.findMany({ where: { merchantId: context.merchantId, auditLogId: receiptId }, select: { id: true, kind: true, liftedAt: true } });
    if (blocks.length === 0) throw notFound("That deletion");
    const active = blocks.filter((b) => !b.liftedAt);
    if (active.length === 0) throw new AppError("conflict", "This block was already lifted.");
    await tx.customerSuppression.updateMany({ where: { merchantId: context.merchantId, id: { in: active.map((b) => b.id) } }, data: { liftedAt: new Date(), liftedById: context.user.id } });
    await writeAudit(
      { merchantId: context.merchantId, userId: context.user.id, label: context.user.name },
      { action: "suppression.lifted", targetType: "suppression", targetId: receiptId, details: { kinds: active.map((b) => b.kind), receipt: receiptId } },
      tx,
    );
  });
}
