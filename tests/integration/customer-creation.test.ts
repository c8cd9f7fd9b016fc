// Set-based customer creation: one policy for the counter and the write path.
import { describe, expect, it } from "vitest";
import { createCustomers } from "@/lib/customers/creation";
import { suppressionHash } from "@/lib/customers/suppression";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { createContext } from "../support/factories";

describe("creating customers", () => {
  it("creates a thousand new customers of one batch, refusing only the rows the policy refuses", async () => {
    const context = await createContext("owner");
    const m = context.merchantId;
    await db.customer.create({ data: { merchantId: m, name: "Taken", email: "taken@example.com", passSerial: "PC-TAKEN", pass: { create: {} } } });
    await db.customerSuppression.create({ data: { merchantId: m, kind: "externalId", identifierHash: suppressionHash(m, "externalId", "GONE-1") } });
    const inputs = Array.from({ length: 1000 }, (_, i) => ({ type: "visit", createCustomer: true, customer: { externalId: `NEW-${i}`, name: `New ${i}` } }));
    inputs[10] = { type: "visit", createCustomer: true, customer: { externalId: "GONE-1", name: "Gone" } };
    inputs[20] = { type: "visit", createCustomer: true, customer: { externalId: "NEW-X", name: "Second pass", email: "taken@example.com" } } as (typeof inputs)[number];
    const results = await recordEvents(context, inputs, { kind: "api", apiKeyId: "00000000-0000-7000-8000-000000000000", apiKeyName: "POS" });
    expect(results[10]).toMatchObject({ status: "error", error: { code: "customer_deleted", path: "customer.externalId" } });
    expect(results[20]).toMatchObject({ status: "error", error: { code: "customer_conflict", path: "customer.email" } });
    expect(results.filter((r) => r.status === "created")).toHaveLength(998);
    expect(await db.customer.count({ where: { merchantId: m } })).toBe(999);
    expect(await db.customerPass.count({ where: { merchantId: m } })).toBe(999);
    // A machine created them: no audit line per customer.
    expect(await db.auditLog.count({ where: { merchantId: m, action: "customer.created" } })).toBe(0);
  });

  it("draws a colliding generated serial again for that customer only, and audits a person's creations", async () => {
    const context = await createContext("owner");
    const m = context.merchantId;
    await db.customer.create({ data: { merchantId: m, name: "Old", passSerial: "PC-COLLIDE", pass: { create: {} } } });
    const serials = ["PC-COLLIDE", "PC-FRESH-1", "PC-FRESH-2"];
    const outcomes = await db.$transaction((tx) => createCustomers(tx, m, [{ name: "A" }, { name: "B" }], {
      via: "record", audit: { merchantId: m, userId: context.user.id, label: context.user.name }, nextSerial: () => serials.shift() as string,
    }));
    expect(outcomes.map((o) => o.status === "created" && o.passSerial)).toEqual(["PC-FRESH-2", "PC-FRESH-1"]);
    expect(await db.auditLog.count({ where: { merchantId: m, action: "customer.created" } })).toBe(2);
  });
});
