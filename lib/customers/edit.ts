import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { storableString } from "@/lib/validation/storable";
import { findSuppressed, SUPPRESSION_KIND_LABELS, type SuppressionKind } from "./suppression";

// Blank means "remove it": the form sends empty strings for cleared fields.
const optionalText = (max: number, label: string) =>
  storableString(label).trim().max(max).nullable().transform((value) => value || null);

export const contactSchema = z.object({
  customerId: z.uuid("Unknown customer"),
  name: optionalText(120, "Name"),
  email: optionalText(320, "Email").refine((v) => v === null || z.email().safeParse(v).success, "Enter a valid email address"),
  phone: optionalText(40, "Phone").refine((v) => v === null || /^[+\d][\d\s().-]{3,}$/.test(v), "Enter a phone number (digits, spaces, + ( ) -)"),
  externalId: optionalText(120, "External ID"),
});
export type ContactInput = z.input<typeof contactSchema>;

const FIELDS = ["name", "email", "phone", "externalId"] as const;

/**
 * Manager+ edits a customer's contact details. The audit entry names the fields changed, not their
 * values: the log outlives a deletion request and must not keep the person's details.
 */
export async function updateCustomerContact(context: MerchantContext, input: ContactInput) {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can edit customer details.");
  const parsed = contactSchema.parse(input);
  const { merchantId } = context;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.customer.findFirst({ where: { merchantId, id: parsed.customerId }, select: { id: true, name: true, email: true, phone: true, externalId: true } });
      if (!current) throw notFound("That customer");
      const changed = FIELDS.filter((field) => current[field] !== parsed[field]);
      if (changed.length === 0) return current;
      const newIdentifiers: Partial<Record<SuppressionKind, string>> = {};
      for (const field of changed) {
        const value = parsed[field];
        if (field !== "name" && value) newIdentifiers[field] = value;
      }
      const suppressed = await findSuppressed(tx, merchantId, newIdentifiers);
      if (suppressed) {
        const label = SUPPRESSION_KIND_LABELS[suppressed];
        throw new AppError("conflict", `${label} belongs to a customer who asked to be deleted.`, { path: suppressed });
      }
      const updated = await tx.customer.update({
        where: { merchantId_id: { merchantId, id: current.id } },
        data: { name: parsed.name, email: parsed.email, phone: parsed.phone, externalId: parsed.externalId },
        select: { id: true, name: true, email: true, phone: true, externalId: true },
      });
      await writeAudit(
        { merchantId, userId: context.user.id, label: context.user.name },
        { action: "customer.updated", targetType: "customer", targetId: current.id, details: { fields: changed } },
        tx,
      );
      return updated;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "Another customer already has this external ID.", { path: "externalId" });
    }
    throw error;
  }
}
