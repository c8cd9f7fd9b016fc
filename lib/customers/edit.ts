import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { storableString } from "@/lib/validation/storable";
import { normalizeEmail, normalizePhone } from "./identifiers";
import { phoneRegionFor } from "./region";
import { findSuppressed, SUPPRESSION_KIND_LABELS, type SuppressionKind } from "./suppression";

// Blank means "remove it": the form sends empty strings for cleared fields.
const optionalText = (max: number, label: string) =>
  storableString(label).trim().max(max).nullable().transform((value) => value || null);

export const contactSchema = z.object({
  customerId: z.uuid("Unknown customer"),
  name: optionalText(120, "Name"),
  email: optionalText(320, "Email").refine((v) => v === null || z.email().safeParse(v).success, "Enter a valid email address"),
  phone: optionalText(40, "Phone").refine((v) => v === null || /\d{3,}/.test(v.replace(/\D/g, "")), "Enter a phone number with at least 3 digits"),
  externalId: optionalText(120, "External ID"),
}).refine((c) => c.name || c.email || c.phone, { message: "Keep a name, email or phone number", path: ["name"] });
export type ContactInput = z.input<typeof contactSchema>;

const FIELDS = ["name", "email", "phone", "externalId"] as const;

/**
 * Manager+ edits a customer's contact details under the rules of creating one (lib/customers/
 * create): a name, email or phone stays; the email is stored lower-cased and the phone in E.164;
 * another customer's email or phone is refused (two passes for one person split their history);
 * identifiers of people deleted on request are refused. The audit entry holds each changed
 * field before → after, so the log can say what changed; deleting the customer scrubs the entries
 * about them (privacy.ts), so these values do not outlive a deletion request.
 */
export async function updateCustomerContact(context: MerchantContext, input: ContactInput) {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can edit customer details.");
  const parsed = contactSchema.parse(input);
  const { merchantId } = context;
  const phone = parsed.phone ? normalizePhone(parsed.phone, phoneRegionFor(context.merchant.timeZone)) : null;
  if (parsed.phone && !phone) throw new AppError("validation_error", "Enter the phone number with its area code, or with + and the country code", { path: "phone" });
  const wanted = { name: parsed.name, email: parsed.email ? normalizeEmail(parsed.email) : null, phone, externalId: parsed.externalId };
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.customer.findFirst({ where: { merchantId, id: parsed.customerId }, select: { id: true, name: true, email: true, phone: true, externalId: true } });
      if (!current) throw notFound("That customer");
      const changed = FIELDS.filter((field) => current[field] !== wanted[field]);
      if (changed.length === 0) return current;
      const newIdentifiers: Partial<Record<SuppressionKind, string>> = {};
      for (const field of changed) {
        const value = wanted[field];
        if (field !== "name" && value) newIdentifiers[field] = value;
      }
      const suppressed = await findSuppressed(tx, merchantId, newIdentifiers);
      if (suppressed) {
        const label = SUPPRESSION_KIND_LABELS[suppressed];
        throw new AppError("conflict", `${label} belongs to a customer who asked to be deleted.`, { path: suppressed });
      }
      await refuseTakenContact(tx, merchantId, current.id, { email: changed.includes("email") ? wanted.email : null, phone: changed.includes("phone") ? wanted.phone : null });
      const updated = await tx.customer.update({
        where: { merchantId_id: { merchantId, id: current.id } },
        data: wanted,
        select: { id: true, name: true, email: true, phone: true, externalId: true },
      });
      await writeAudit(
        { merchantId, userId: context.user.id, label: context.user.name },
        { action: "customer.updated", targetType: "customer", targetId: current.id, details: { fields: changed, changes: Object.fromEntries(changed.map((f) => [f, { from: current[f], to: wanted[f] }])) } },
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

/** The counter's message for an email (or phone) that is another customer's: search for them instead. */
async function refuseTakenContact(tx: Prisma.TransactionClient, merchantId: string, customerId: string, contact: { email: string | null; phone: string | null }) {
  for (const field of ["email", "phone"] as const) {
    const value = contact[field];
    if (!value) continue;
    const [other] = field === "email"
      ? await tx.$queryRaw<{ name: string | null; pass_serial: string }[]>`
          SELECT name, pass_serial FROM customers WHERE merchant_id = ${merchantId}::uuid AND lower(email) = ${value} AND id <> ${customerId}::uuid LIMIT 1`
      : await tx.$queryRaw<{ name: string | null; pass_serial: string }[]>`
          SELECT name, pass_serial FROM customers WHERE merchant_id = ${merchantId}::uuid AND phone = ${value} AND id <> ${customerId}::uuid LIMIT 1`;
    if (other) {
      throw new AppError("conflict", `${other.name ?? "Another customer"} (pass ${other.pass_serial}) already has this ${field}. Search for them instead.`, { path: field });
    }
  }
}
