import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { lockCustomerForDeletion } from "@/lib/events/locks";
import { Prisma } from "@/lib/generated/prisma/client";
import { passSelect, withPass } from "./pass";
import { merchantRegion, suppressionHashes } from "./suppression";
import { foldPendingReports } from "@/lib/reports/fresh";

// Privacy requests: a customer's data as one JSON document, and deletion on request. Both are
// owner/manager only and leave an audit entry that names the customer id, never their details.

function requireManager(context: MerchantContext) {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can handle privacy requests.");
}

function actorOf(context: MerchantContext) {
  return { merchantId: context.merchantId, userId: context.user.id, label: context.user.name };
}

const customerId = z.uuid();

export interface CustomerDataExport {
  exportedAt: string;
  merchant: { name: string; timeZone: string; currency: string };
  customer: Record<string, unknown>;
  events: Record<string, unknown>[];
}

/** Everything stored about one customer: profile, pass state and every event, voided ones too. */
export async function exportCustomerData(context: MerchantContext, id: string): Promise<CustomerDataExport> {
  requireManager(context);
  if (!customerId.safeParse(id).success) throw notFound("That customer");
  const { merchantId } = context;
  const customer = await db.customer.findFirst({
    where: { merchantId, id },
    select: {
      id: true, name: true, email: true, phone: true, externalId: true, passSerial: true, createdAt: true, updatedAt: true,
      pass: { select: passSelect },
    },
  });
  if (!customer) throw notFound("That customer");
  const events = await db.event.findMany({
    where: { merchantId, customerId: customer.id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: {
      id: true, type: true, customName: true, occurredAt: true, amount: true, points: true, data: true, source: true,
      idempotencyKey: true, voidedAt: true, voidReason: true, createdAt: true, location: { select: { name: true } },
    },
  });
  await writeAudit(actorOf(context), { action: "customer.exported", targetType: "customer", targetId: customer.id, details: { events: events.length } });
  return {
    exportedAt: new Date().toISOString(),
    merchant: { name: context.merchant.name, timeZone: context.merchant.timeZone, currency: context.merchant.currency },
    customer: withPass(customer),
    events: events.map(({ location, amount, ...event }) => ({ ...event, amount: amount?.toFixed(2) ?? null, location: location?.name ?? null })),
  };
}

export const deleteCustomerSchema = z.object({
  customerId: z.string(),
  /** The customer's name or pass serial, typed by the person deleting, so a mis-click cannot delete. */
  confirmation: z.string().trim().min(1, "Type the customer's name or pass serial to confirm").max(200),
});

export interface DeletionReceipt {
  auditLogId: string;
  customerId: string;
  eventsRemoved: number;
  identifiersSuppressed: string[];
}

/**
 * Deletes a customer on request, in one transaction: their events, their per-customer rollups and
 * the customer row. The merchant's daily rollups stay as they are (they hold no personal data), so
 * past monthly summaries do not change. The audit entry is the deletion receipt (ids and counts
 * only) and the identifiers are suppressed so the person is not re-created by the next event.
 */
export async function deleteCustomer(context: MerchantContext, input: z.input<typeof deleteCustomerSchema>): Promise<DeletionReceipt> {
  requireManager(context);
  const { customerId: id, confirmation } = deleteCustomerSchema.parse(input);
  if (!customerId.safeParse(id).success) throw notFound("That customer");
  const { merchantId } = context;
  return db.$transaction(async (tx) => {
    // Queued report deltas are folded first, before any customer is locked (see
    // lib/reports/fresh.ts): the monthly totals keep this customer's events as anonymous counts.
    await foldPendingReports(context, tx);
    // Locked first, in the documented order (lib/events/locks.ts), so an event being recorded for
    // this customer either commits before (and is deleted with them) or is refused after.
    const customer = await lockCustomerForDeletion<{ id: string; name: string | null; email: string | null; phone: string | null; external_id: string | null; pass_serial: string }>(
      tx, merchantId, id, Prisma.sql`id::text, name, email, phone, external_id, pass_serial`);
    if (!customer) throw notFound("That customer");
    const typed = confirmation.trim().toLowerCase();
    const accepted = [customer.name, customer.pass_serial].flatMap((v) => (v && v.trim() ? [v.trim().toLowerCase()] : []));
    if (!accepted.includes(typed)) {
      throw new AppError("validation_error", "That doesn't match the customer's name or pass serial.", { path: "confirmation" });
    }

    const events = await tx.event.deleteMany({ where: { merchantId, customerId: customer.id } });
    const rollups = await tx.customerRollup.deleteMany({ where: { merchantId, customerId: customer.id } });
    await tx.customer.delete({ where: { merchantId_id: { merchantId, id: customer.id } } });

    const hashes = suppressionHashes(merchantId, {
      passSerial: customer.pass_serial, email: customer.email, externalId: customer.external_id, phone: customer.phone,
    }, await merchantRegion(tx, merchantId));
    const auditScrubbed = await scrubCustomerAudit(tx, merchantId, customer.id);
    const identifiersSuppressed = hashes.map((h) => h.kind);
    await writeAudit(
      actorOf(context),
      {
        action: "customer.deleted",
        targetType: "customer",
        targetId: customer.id,
        details: { eventsRemoved: events.count, rollupsRemoved: rollups.count, identifiersSuppressed, auditEntriesScrubbed: auditScrubbed },
      },
      tx,
    );
    // writeAudit does not hand back the row; the customer id is unique, so this finds exactly it.
    const receipt = await tx.auditLog.findFirstOrThrow({
      where: { merchantId, action: "customer.deleted", targetId: customer.id },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    for (const { kind, hash } of hashes) {
      // A lifted block for the same identifier (deleted, lifted, re-created, deleted again) is re-armed.
      await tx.customerSuppression.upsert({
        where: { merchantId_identifierHash: { merchantId, identifierHash: hash } },
        create: { merchantId, kind, identifierHash: hash, auditLogId: receipt.id },
        update: { auditLogId: receipt.id, liftedAt: null, liftedById: null, createdAt: new Date() },
      });
    }
    return { auditLogId: receipt.id, customerId: customer.id, eventsRemoved: events.count, identifiersSuppressed };
  });
}

/**
 * Takes the person out of the audit log: every earlier entry about this customer (naming them as
 * the target, or in its details, like a void of their event) keeps its action, actor, target ids
 * and time, and loses its details, which may quote them (a void reason, an old entry's serial).
 */
async function scrubCustomerAudit(tx: Prisma.TransactionClient, merchantId: string, customerId: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE audit_logs SET details = '{"scrubbed": true}'::jsonb
    WHERE merchant_id = ${merchantId}::uuid AND action <> 'customer.deleted'
      AND (target_id = ${customerId} OR details->>'customerId' = ${customerId})`;
}
