// Issue #10, points 12–14: deletion blocks hold whatever the formatting, their hashes are keyed,
// and a deletion takes the person out of the audit log too.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCustomer as addAtCounter } from "@/lib/customers/create";
import { updateCustomerContact } from "@/lib/customers/edit";
import { deleteCustomer } from "@/lib/customers/privacy";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { voidEvent } from "@/lib/events/void";
import { createContext } from "../support/factories";

// A known current secret, so the rotation test can list it as an old one.
process.env.PUNCHCARD_SUPPRESSION_SECRET = "test-suppression-secret";

async function deletedCustomer(country: string | null = "US") {
  const context = await createContext("owner");
  await db.merchant.update({ where: { id: context.merchantId }, data: { country } });
  const source = { kind: "manual", userId: context.user.id, userName: context.user.name } as const;
  const [created] = await recordEvents(context, [{
    type: "purchase", amount: "4.50", createCustomer: true,
    customer: { passSerial: "BB-7XLZYNAQ", externalId: "POS-Ab12", email: "Dana.Doe@Example.com", phone: "+1 646 555 0458", name: "Dana Doe" },
  }], source);
  if (created?.status !== "created") throw new Error(JSON.stringify(created));
  const customerId = created.event.customerId;
  await voidEvent(context, { eventId: created.event.id, reason: "Dana Doe (dana.doe@example.com) asked to undo" });
  await deleteCustomer(context, { customerId, confirmation: "Dana Doe" });
  return { context, customerId, source };
}

describe("#10.12 deletion blocks hold whatever the formatting", () => {
  it("refuses the same person written another way, through the API path and at the counter", async () => {
    const { context, source } = await deletedCustomer();
    const attempts = [
      { passSerial: "bb-7xlzynaq" },
      { passSerial: " BB-7XLZ\u200BYNAQ " },
      { externalId: "pos-ab12" },
      { externalId: "POS-\u200BAb12" },
      { passSerial: "NEW-1", email: "DANA.DOE@example.COM" },
      { passSerial: "NEW-2", phone: "(646) 555-0458", email: "other@example.com" },
      { passSerial: "NEW-3", phone: "6465550458" },
    ];
    for (const customer of attempts) {
      const [result] = await recordEvents(context, [{ type: "visit", createCustomer: true, customer }], source);
      expect(result, JSON.stringify(customer)).toMatchObject({ status: "error", error: { code: "customer_deleted" } });
    }
    await expect(addAtCounter(context, { name: "D", phone: "646-555-0458" })).rejects.toMatchObject({ code: "conflict", path: "phone" });
    await expect(addAtCounter(context, { name: "D", phone: "+1 (646) 555 0458" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("reads national numbers with the merchant's own country", async () => {
    const context = await createContext("owner", { timeZone: "Europe/London" });
    await db.merchant.update({ where: { id: context.merchantId }, data: { country: "GB" } });
    const source = { kind: "manual", userId: context.user.id, userName: context.user.name } as const;
    const [created] = await recordEvents(context, [{ type: "visit", createCustomer: true, customer: { passSerial: "GB-1", phone: "+44 20 7946 0018", name: "Ena" } }], source);
    if (created?.status !== "created") throw new Error("not created");
    await deleteCustomer(context, { customerId: created.event.customerId, confirmation: "Ena" });
    await expect(addAtCounter(context, { name: "E", phone: "020 7946 0018" })).rejects.toMatchObject({ code: "conflict", path: "phone" });
  });
});

describe("#10.13 keyed hashes", () => {
  it("stores no plain SHA-256 of merchant:kind:value, so a guess cannot be confirmed from the database", async () => {
    const { context } = await deletedCustomer();
    const rows = await db.customerSuppression.findMany({ where: { merchantId: context.merchantId } });
    expect(rows.map((r) => r.kind).sort()).toEqual(["email", "externalId", "passSerial", "phone"]);
    const guesses = ["dana.doe@example.com", "+16465550458", "16465550458", "BB-7XLZYNAQ", "POS-AB12", "POS-Ab12"].flatMap((value) =>
      ["email", "phone", "passSerial", "externalId"].map((kind) => createHash("sha256").update(`${context.merchantId}:${kind}:${value}`).digest("hex")));
    for (const row of rows) expect(guesses).not.toContain(row.identifierHash);
  });

  it("keeps matching blocks made under an old secret listed in PUNCHCARD_SUPPRESSION_OLD_SECRETS", async () => {
    const { context, source } = await deletedCustomer();
    const current = process.env.PUNCHCARD_SUPPRESSION_SECRET;
    process.env.PUNCHCARD_SUPPRESSION_OLD_SECRETS = current;
    process.env.PUNCHCARD_SUPPRESSION_SECRET = "rotated-secret-for-the-test";
    try {
      const [result] = await recordEvents(context, [{ type: "visit", createCustomer: true, customer: { passSerial: "bb-7xlzynaq" } }], source);
      expect(result).toMatchObject({ status: "error", error: { code: "customer_deleted" } });
    } finally {
      process.env.PUNCHCARD_SUPPRESSION_SECRET = current;
      delete process.env.PUNCHCARD_SUPPRESSION_OLD_SECRETS;
    }
  });
});

describe("#10.14 the audit log forgets the person", () => {
  it("scrubs the customer's entries on deletion, keeping action, actor and time; new entries hold ids only", async () => {
    const { context, customerId } = await deletedCustomer();
    const entries = await db.auditLog.findMany({ where: { merchantId: context.merchantId }, orderBy: { createdAt: "asc" } });
    const text = JSON.stringify(entries);
    for (const personal of ["Dana", "dana.doe", "BB-7XLZYNAQ", "646", "POS-Ab12", "asked to undo"]) expect(text).not.toContain(personal);
    const voided = entries.find((e) => e.action === "event.voided");
    expect(voided).toMatchObject({ actorUserId: context.user.id, actorLabel: context.user.name });
    expect(entries.find((e) => e.action === "customer.deleted")?.targetId).toBe(customerId);

    // A new customer at the counter: the entry names the customer by id.
    const fresh = await addAtCounter(context, { name: "Eve Example", email: "eve@example.com" });
    const created = await db.auditLog.findFirstOrThrow({ where: { merchantId: context.merchantId, action: "customer.created", targetId: fresh.id } });
    expect(JSON.stringify(created.details)).not.toMatch(/Eve|eve@|PC-/);
    await updateCustomerContact(context, { customerId: fresh.id, name: "Eve E.", email: "eve@example.com", phone: null, externalId: null });
  });
});
