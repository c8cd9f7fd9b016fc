import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { updateCustomerContact } from "@/lib/customers/edit";
import { deleteCustomer } from "@/lib/customers/privacy";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return `${error.code}${error.path ? `:${error.path}` : ""}`;
    throw error;
  }
}

describe("editing contact details", () => {
  it("saves, clears blanks and audits each changed field before → after", async () => {
    const context = await createContext("manager");
    const c = await createCustomer(context, { name: "Ada", email: "ada@example.com", phone: "+1 555 0100" });
    await updateCustomerContact(context, { customerId: c.id, name: " Ada Lovelace ", email: "ada@example.com", phone: "", externalId: "POS-1" });
    expect(await db.customer.findUniqueOrThrow({ where: { id: c.id }, select: { name: true, phone: true, externalId: true } })).toEqual({ name: "Ada Lovelace", phone: null, externalId: "POS-1" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { merchantId: context.merchantId, action: "customer.updated" } });
    expect(audit.details).toMatchObject({
      fields: ["name", "phone", "externalId"],
      changes: { name: { from: "Ada", to: "Ada Lovelace" }, phone: { to: null }, externalId: { from: null, to: "POS-1" } },
    });
    expect(Object.keys((audit.details as { changes: object }).changes)).toEqual(["name", "phone", "externalId"]);
  });

  it("refuses staff, other merchants, taken external ids and identifiers of deleted customers", async () => {
    const context = await createContext("owner");
    const a = await createCustomer(context, { name: "A", externalId: "POS-1" });
    const b = await createCustomer(context, { name: "B" });
    const gone = await createCustomer(context, { name: "Gone", email: "gone@example.com" });
    await deleteCustomer(context, { customerId: gone.id, confirmation: "Gone" });
    const input = { customerId: b.id, name: "B", email: "", phone: "", externalId: "" };

    expect(await codeOf(updateCustomerContact({ ...context, user: { ...context.user, role: "staff" } }, input))).toBe("forbidden");
    expect(await codeOf(updateCustomerContact(await createContext("owner"), input))).toBe("not_found");
    expect(await codeOf(updateCustomerContact(context, { ...input, externalId: "POS-1" }))).toBe("conflict:externalId");
    expect(await codeOf(updateCustomerContact(context, { ...input, email: " GONE@example.com" }))).toBe("conflict:email");
    await expect(updateCustomerContact(context, { ...input, email: "not-an-email" })).rejects.toThrow("valid email");
    expect(a.id).not.toBe(b.id);
  });

  it("follows the rules of creating a customer: no other customer's email or phone, one identifier stays", async () => {
    const context = await createContext("manager");
    await createCustomer(context, { name: "Maria Kim", email: "maria@example.com", phone: "+12125550570", passSerial: "PC-MARIA00001" });
    const b = await createCustomer(context, { name: "Bea", email: "bea@example.com" });
    const input = { customerId: b.id, name: "Bea", email: "bea@example.com", phone: "", externalId: "" };

    // Another customer's email, however it is cased, and their phone however it is written.
    const email = updateCustomerContact(context, { ...input, email: " Maria@Example.com " });
    await expect(email).rejects.toThrow("Maria Kim (pass PC-MARIA00001) already has this email");
    expect(await codeOf(updateCustomerContact(context, { ...input, email: "MARIA@example.com" }))).toBe("conflict:email");
    expect(await codeOf(updateCustomerContact(context, { ...input, phone: "(212) 555-0570" }))).toBe("conflict:phone");
    expect(await codeOf(updateCustomerContact(context, { ...input, phone: "5550" }))).toBe("validation_error:phone");
    // Blanking every identifier is refused, as creating a customer with none is.
    await expect(updateCustomerContact(context, { ...input, name: " ", email: "", phone: "" })).rejects.toThrow("Keep a name, email or phone number");

    // Its own values are no conflict; a new phone is stored in E.164 and the email lower-cased.
    await updateCustomerContact(context, { ...input, email: "Bea@Example.com", phone: "646 555 0458" });
    expect(await db.customer.findUniqueOrThrow({ where: { id: b.id }, select: { email: true, phone: true } })).toEqual({ email: "bea@example.com", phone: "+16465550458" });
    await updateCustomerContact(context, { ...input, phone: "+1 646-555-0458" });
  });
});
