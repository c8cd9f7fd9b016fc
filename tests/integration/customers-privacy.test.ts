import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { deleteCustomer, exportCustomerData } from "@/lib/customers/privacy";
import { findSuppressed, liftSuppression, listSuppressions, suppressionHash } from "@/lib/customers/suppression";
import { createContext, createUser } from "../support/factories";
import { addEvents, createCustomer } from "../support/customer-fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

async function fixture() {
  const context = await createContext("owner");
  const ada = await createCustomer(context, { name: "Ada Lovelace", email: "Ada@Example.com", phone: "+1 (555) 010-0199", externalId: "POS-77", passSerial: "PC-ADA-0001" });
  const bob = await createCustomer(context, { name: "Bob" });
  await addEvents(context, ada.id, [
    { type: "purchase", at: "2025-01-10T15:00:00Z", amount: "12.50", points: 12 },
    { type: "purchase", at: "2025-01-11T15:00:00Z", amount: "7.25", points: 7, voided: true },
    { type: "visit", at: "2025-01-12T15:00:00Z" },
  ]);
  await addEvents(context, bob.id, [{ type: "purchase", at: "2025-01-10T16:00:00Z", amount: "3.00", points: 3 }]);
  return { context, ada, bob };
}

const dailyTotals = (merchantId: string) =>
  db.dailyRollup.findMany({ where: { merchantId }, orderBy: [{ day: "asc" }, { type: "asc" }], select: { day: true, type: true, count: true, amount: true, points: true } });

describe("exporting a customer's data", () => {
  it("contains the profile and every event, voided ones too, and is audit-logged", async () => {
    const { context, ada } = await fixture();
    const data = await exportCustomerData(context, ada.id);
    expect(data.customer).toMatchObject({ id: ada.id, email: "Ada@Example.com", lifetimeSpend: "12.50", visitCount: 1 });
    expect(data.events).toHaveLength(3);
    expect(data.events.filter((e) => e.voidedAt)).toHaveLength(1);
    expect(data.events[0]).toMatchObject({ type: "purchase", amount: "12.50" });
    const audit = await db.auditLog.findFirst({ where: { merchantId: context.merchantId, action: "customer.exported" } });
    expect(audit?.targetId).toBe(ada.id);
  });

  it("is refused to staff and to other merchants", async () => {
    const { context, ada } = await fixture();
    const staff = await createUser(context.merchantId, "staff");
    expect(await codeOf(exportCustomerData({ ...context, user: { ...context.user, id: staff.id, role: "staff" } }, ada.id))).toBe("forbidden");
    const other = await createContext("owner");
    expect(await codeOf(exportCustomerData(other, ada.id))).toBe("not_found");
  });
});

describe("deleting a customer on request", () => {
  it("removes everything personal, keeps daily rollups, leaves a receipt and suppresses identifiers", async () => {
    const { context, ada, bob } = await fixture();
    const before = await dailyTotals(context.merchantId);

    const receipt = await deleteCustomer(context, { customerId: ada.id, confirmation: "  ada lovelace " });
    expect(receipt.eventsRemoved).toBe(3);
    expect(receipt.identifiersSuppressed.sort()).toEqual(["email", "externalId", "passSerial", "phone"]);

    expect(await db.customer.findFirst({ where: { id: ada.id } })).toBeNull();
    expect(await db.event.count({ where: { customerId: ada.id } })).toBe(0);
    expect(await db.customerRollup.count({ where: { customerId: ada.id } })).toBe(0);
    expect(await dailyTotals(context.merchantId)).toEqual(before);
    // The other customer is untouched.
    expect(await db.event.count({ where: { customerId: bob.id } })).toBe(1);

    const audit = await db.auditLog.findUniqueOrThrow({ where: { id: receipt.auditLogId } });
    expect(audit).toMatchObject({ action: "customer.deleted", targetId: ada.id, actorUserId: context.user.id });
    expect(JSON.stringify(audit.details)).not.toMatch(/ada|555|POS-77|PC-ADA/i);

    const rows = await db.customerSuppression.findMany({ where: { merchantId: context.merchantId } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.auditLogId === receipt.auditLogId)).toBe(true);
    expect(rows.find((r) => r.kind === "email")?.identifierHash).toBe(suppressionHash(context.merchantId, "email", "ada@example.com"));
  });

  it("accepts the pass serial as confirmation and refuses anything else", async () => {
    const { context, ada } = await fixture();
    expect(await codeOf(deleteCustomer(context, { customerId: ada.id, confirmation: "Ada" }))).toBe("validation_error");
    expect(await db.customer.count({ where: { id: ada.id } })).toBe(1);
    expect(await codeOf(deleteCustomer(context, { customerId: ada.id, confirmation: "pc-ada-0001" }))).toBe("OK");
  });

  it("is refused to staff and cannot reach another merchant's customer", async () => {
    const { context, ada } = await fixture();
    const staff = await createUser(context.merchantId, "staff");
    expect(await codeOf(deleteCustomer({ ...context, user: { ...context.user, id: staff.id, role: "staff" } }, { customerId: ada.id, confirmation: "Ada Lovelace" }))).toBe("forbidden");
    const other = await createContext("owner");
    expect(await codeOf(deleteCustomer(other, { customerId: ada.id, confirmation: "Ada Lovelace" }))).toBe("not_found");
    expect(await codeOf(deleteCustomer(other, { customerId: "nope", confirmation: "Ada Lovelace" }))).toBe("not_found");
    expect(await db.customer.count({ where: { id: ada.id } })).toBe(1);
    expect(await db.event.count({ where: { customerId: ada.id } })).toBe(3);
  });
});

describe("suppression lookup", () => {
  it("matches normalised identifiers, per merchant, and ignores lifted rows", async () => {
    const { context, ada } = await fixture();
    await deleteCustomer(context, { customerId: ada.id, confirmation: "Ada Lovelace" });
    const m = context.merchantId;
    expect(await findSuppressed(db, m, { email: "  ADA@example.COM " })).toBe("email");
    expect(await findSuppressed(db, m, { phone: "15550100199" })).toBe("phone");
    expect(await findSuppressed(db, m, { passSerial: " PC-ADA-0001 " })).toBe("passSerial");
    expect(await findSuppressed(db, m, { externalId: "POS-77" })).toBe("externalId");
    expect(await findSuppressed(db, m, { email: "someone@else.com", phone: "" })).toBeNull();
    expect(await findSuppressed(db, m, {})).toBeNull();
    const other = await createContext("owner");
    expect(await findSuppressed(db, other.merchantId, { email: "ada@example.com" })).toBeNull();

    const listed = await listSuppressions(context);
    expect(listed).toHaveLength(4);
    expect(listed[0]?.receipt).toMatchObject({ customerId: ada.id, eventsRemoved: 3 });
    const emailRow = listed.find((r) => r.kind === "email");
    expect(await codeOf(liftSuppression(other, emailRow?.id ?? ""))).toBe("not_found");
    await liftSuppression(context, emailRow?.id ?? "");
    expect(await findSuppressed(db, m, { email: "ada@example.com" })).toBeNull();
    expect(await findSuppressed(db, m, { email: "ada@example.com", phone: "555-010-0199 +1" })).toBeNull();
    expect(await findSuppressed(db, m, { email: "ada@example.com", phone: "1 555 010 0199" })).toBe("phone");
    expect(await db.auditLog.count({ where: { merchantId: m, action: "suppression.lifted" } })).toBe(1);
  });
});
