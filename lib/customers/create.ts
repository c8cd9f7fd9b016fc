import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "./identifiers";
import { phoneRegionFor } from "./region";
import { newPassSerial } from "./serials";
import { findSuppressed } from "./suppression";

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((value) => (value ? value : undefined));

export const newCustomerSchema = z
  .object({
    name: optionalText(200),
    email: optionalText(320).pipe(z.email("Enter a valid email address").toLowerCase().optional()),
    phone: optionalText(40).refine((value) => !value || /\d{3,}/.test(value.replace(/\D/g, "")), "Enter a phone number with at least 3 digits"),
  })
  .refine((c) => c.name || c.email || c.phone, { message: "Enter a name, email or phone number", path: ["name"] });
export type NewCustomer = z.input<typeof newCustomerSchema>;

export interface CreatedCustomer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  passSerial: string;
}

const SUPPRESSED_MESSAGE = "This person asked to be deleted, so they can’t be added again. An owner can lift this in Settings → Privacy.";

/**
 * Adds a customer at the counter with a freshly generated pass serial. Refuses identifiers of
 * people deleted on request, and an email that already belongs to a customer (staff should
 * pick that customer instead of creating a second pass).
 */
export async function createCustomer(context: MerchantContext, input: NewCustomer): Promise<CreatedCustomer> {
  const data = newCustomerSchema.parse(input);
  const { merchantId } = context;
  // Stored in E.164 so every way of typing it finds the customer (lib/customers/search-terms).
  const phone = data.phone ? normalizePhone(data.phone, phoneRegionFor(context.merchant.timeZone)) : null;
  if (data.phone && !phone) throw new AppError("VALIDATION", "Enter the phone number with its area code, or with + and the country code", { path: "phone" });
  return db.$transaction(async (tx) => {
    const suppressed = await findSuppressed(tx, merchantId, { email: data.email, phone: phone ?? undefined });
    if (suppressed) throw new AppError("CONFLICT", SUPPRESSED_MESSAGE, { path: suppressed });
    if (data.email) {
      const [existing] = await tx.$queryRaw<{ name: string | null; pass_serial: string }[]>`
        SELECT name, pass_serial FROM customers WHERE merchant_id = ${merchantId}::uuid AND lower(email) = ${data.email} LIMIT 1`;
      if (existing) {
        throw new AppError("CONFLICT", `${existing.name ?? "A customer"} (pass ${existing.pass_serial}) already has this email. Search for them instead.`, { path: "email" });
      }
    }
    // The merchant's own serial format. A generated serial could collide (rarely); a failed insert
    // would abort the transaction, so look before inserting.
    const format = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { passSerialPrefix: true, passSerialLength: true } });
    const next = () => newPassSerial({ prefix: format.passSerialPrefix, length: format.passSerialLength });
    let passSerial = next();
    while (await tx.customer.findFirst({ where: { merchantId, passSerial }, select: { id: true } })) passSerial = next();
    const customer = await tx.customer.create({
      data: { merchantId, name: data.name ?? null, email: data.email ?? null, phone, passSerial, pass: { create: {} } },
      select: { id: true, name: true, email: true, phone: true, passSerial: true },
    });
    await writeAudit(
      { merchantId, userId: context.user.id, label: context.user.name },
      { action: "customer.created", targetType: "customer", targetId: customer.id, details: { passSerial: customer.passSerial, via: "record" } },
      tx,
    );
    return customer;
  });
}
