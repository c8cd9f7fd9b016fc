// A file whose order-id column names orders the till already posted over the API (its own body,
// so the request hashes never match): the same customer and type is a duplicate ("duplicates
// skipped", nothing recorded, the pass unchanged); another customer or another type is an error
// row that says which. The API's own replay/conflict rule is covered in record-events.test.ts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import type { ImportMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { createImport, getImport } from "@/lib/imports/store";
import { expectPassesAndRollupsExact } from "../support/exact";
import { createContext } from "../support/factories";

vi.setConfig({ testTimeout: 120_000 });
const work = mkdtempSync(path.join(tmpdir(), "punchcard-till-orders-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

const mapping: ImportMapping = {
  customer: { identifyBy: "passSerial", column: "card", create: true },
  eventType: { fixed: "purchase" },
  when: { column: "when" },
  dateOrder: "YMD",
  amount: { column: "amount" },
  idempotencyColumn: "order",
  negatives: "skip",
  keepColumns: [],
};

async function importLines(context: MerchantContext, lines: string[]) {
  const target = path.join(work, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(target, `card,when,amount,order\n${lines.join("\n")}\n`);
  const view = await createImport(context, { filePath: target, fileName: "orders.csv", fileSize: 1, mapping, readChoices: {} });
  await processImport(view.id, new AbortController().signal);
  const result = await getImport(context, view.id);
  const errors = await db.importError.findMany({ where: { importId: view.id, merchantId: context.merchantId }, orderBy: { line: "asc" }, select: { line: true, reason: true } });
  return { result, errors };
}

async function tillPosts(context: MerchantContext, inputs: unknown[]) {
  const results = await recordEvents(context, inputs, { kind: "api", apiKeyId: context.user.id, apiKeyName: "till" });
  for (const r of results) if (r.status !== "created") throw new Error(`setup failed: ${JSON.stringify(r)}`);
}

const passOf = (context: MerchantContext, passSerial: string) =>
  db.customerPass.findFirstOrThrow({ where: { merchantId: context.merchantId, customer: { passSerial } }, select: { pointsBalance: true, visitCount: true, lifetimeSpend: true, lastSeenAt: true } });

describe("an import of orders the till already posted", () => {
  it("skips an order the till recorded for the same customer as a duplicate, and leaves the pass as it was", async () => {
    const context = await createContext("manager");
    await tillPosts(context, [{ type: "purchase", customer: { passSerial: "TILL-A" }, createCustomer: true, occurredAt: "2025-03-01T10:00:00Z", amount: "12.50", idempotencyKey: "O-1", data: { items: 2 } }]);
    const before = await passOf(context, "TILL-A");
    // The file's body differs from the till's (its own time, amount text, no items): the key decides.
    const { result, errors } = await importLines(context, ["TILL-A,2025-03-01 11:00,12.5,O-1", "NEW-C,2025-03-02 09:00,4.00,O-9"]);
    expect(result.status).toBe("succeeded");
    expect(errors).toEqual([]);
    expect(result.counts).toMatchObject({ rows: 2, events: 1, duplicates: 1, errors: 0, customersCreated: 1 });
    expect(await db.event.count({ where: { merchantId: context.merchantId, idempotencyKey: "O-1" } })).toBe(1);
    expect(await db.event.count({ where: { merchantId: context.merchantId, importId: result.id, idempotencyKey: "O-1" } })).toBe(0);
    expect(await passOf(context, "TILL-A")).toEqual(before);
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("makes the row an error when the till recorded that order id for another customer, and records nothing for it", async () => {
    const context = await createContext("manager");
    await tillPosts(context, [
      { type: "purchase", customer: { passSerial: "TILL-A" }, createCustomer: true, occurredAt: "2025-03-01T10:00:00Z", amount: "12.50", idempotencyKey: "O-2" },
      { type: "visit", customer: { passSerial: "TILL-B" }, createCustomer: true, occurredAt: "2025-03-01T10:00:00Z" },
    ]);
    const beforeA = await passOf(context, "TILL-A");
    const beforeB = await passOf(context, "TILL-B");
    // TILL-B exists; NEW-D does not and must not be created for a refused row.
    const { result, errors } = await importLines(context, ["TILL-B,2025-03-01 11:00,12.50,O-2", "NEW-D,2025-03-01 11:00,12.50,O-2"]);
    expect(result.status).toBe("succeeded");
    expect(result.counts).toMatchObject({ rows: 2, events: 0, duplicates: 0, errors: 2, customersCreated: 0 });
    expect(errors).toEqual([
      { line: 2, reason: "Order id O-2 is already recorded for another customer." },
      { line: 3, reason: "Order id O-2 is already recorded for another customer." },
    ]);
    expect(await db.event.count({ where: { merchantId: context.merchantId, importId: result.id } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: context.merchantId, passSerial: "NEW-D" } })).toBe(0);
    expect(await passOf(context, "TILL-A")).toEqual(beforeA);
    expect(await passOf(context, "TILL-B")).toEqual(beforeB);
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("makes the row an error when the till recorded that order id for the same customer as another type", async () => {
    const context = await createContext("manager");
    await tillPosts(context, [{ type: "visit", customer: { passSerial: "TILL-A" }, createCustomer: true, occurredAt: "2025-03-01T10:00:00Z", idempotencyKey: "O-3" }]);
    const before = await passOf(context, "TILL-A");
    const { result, errors } = await importLines(context, ["TILL-A,2025-03-01 10:00,8.00,O-3"]);
    expect(result.counts).toMatchObject({ rows: 1, events: 0, duplicates: 0, errors: 1 });
    expect(errors).toEqual([{ line: 2, reason: "Order id O-3 is already recorded as a visit." }]);
    expect(await passOf(context, "TILL-A")).toEqual(before);
    await expectPassesAndRollupsExact(context.merchantId);
  });
});
