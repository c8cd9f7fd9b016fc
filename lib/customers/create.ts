import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createCustomers } from "./creation";
import { storableString } from "@/lib/validation/storable";
import { normalizePhone } from "./identifiers";
import { phoneRegionFor } from "./region";
import { newPassSerial } from "./serials";

const optionalText = (max: number, label: string) =>
  storableString(label).trim().max(max).optional().transform((value) => (value ? value : undefined));

export const newCustomerSchema = z
  .object({
    name: optionalText(200, "Name"),
    email: optionalText(320, "Email").pipe(z.email("Enter a valid email address").toLowerCase().optional()),
    phone: optionalText(40, "Phone").refine((value) => !value || /\d{3,}/.test(value.replace(/\D/g, "")), "Enter a phone number with at least 3 digits"),
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
 * Adds a customer at the counter with a freshly generated pass serial, under the one creation
 * policy the write path also uses (lib/customers/creation): refuses identifiers of people deleted
 * on request, and an email that already belongs to a customer (staff should pick that customer
 * instead of creating a second pass); audit-logged.
 */
export async function createCustomer(context: MerchantContext, input: NewCustomer): Promise<CreatedCustomer> {
  const data = newCustomerSchema.parse(input);
  const { merchantId } = context;
  // Stored in E.164 so every way of typing it finds the customer (lib/customers/search-terms).
  const phone = data.phone ? normalizePhone(data.phone, phoneRegionFor(context.merchant.timeZone)) : null;
  if (data.phone && !phone) throw new AppError("validation_error", "Enter the phone number with its area code, or with + and the country code", { path: "phone" });
  return db.$transaction(async (tx) => {
    // The merchant's own serial format (Settings → Business).
    const format = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { passSerialPrefix: true, passSerialLength: true } });
    const nextSerial = () => newPassSerial({ prefix: format.passSerialPrefix, length: format.passSerialLength });
    const audit = { merchantId, userId: context.user.id, label: context.user.name };
    const [result] = await createCustomers(tx, merchantId, [{ name: data.name, email: data.email, phone: phone ?? undefined }], { audit, via: "record", nextSerial });
    switch (result?.status) {
      case "created": return { id: result.id, name: data.name ?? null, email: data.email ?? null, phone, passSerial: result.passSerial };
      case "suppressed": throw new AppError("conflict", SUPPRESSED_MESSAGE, { path: result.kind });
      case "email_taken": throw new AppError("conflict", `${result.existing.name ?? "A customer"} (pass ${result.existing.passSerial}) already has this email. Search for them instead.`, { path: "email" });
      default: throw new AppError("conflict", "Could not give this customer a pass serial. Try again.");
    }
  });
}
