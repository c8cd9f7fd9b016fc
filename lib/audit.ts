import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export interface AuditActor {
  merchantId: string;
  userId?: string | null;
  apiKeyId?: string | null;
  /** Shown in the audit log: the user's name or the API key's name, kept even if they go. */
  label: string;
}

type Tx = Prisma.TransactionClient;

/** Appends one line to the merchant's audit log (inside the caller's transaction when given). */
export async function writeAudit(
  actor: AuditActor,
  entry: { action: string; targetType?: string; targetId?: string; details?: Prisma.InputJsonValue },
  tx: Tx | typeof db = db,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      merchantId: actor.merchantId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details ?? {},
    },
  });
}
