// An import and POS API traffic on the same customers at the same time (and an undo after later
// API events): every pass and both rollups end equal to a recomputation from the live events, and
// an order the till posts while the import brings in the same order id is recorded once.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport, undoImport } from "@/lib/imports/store";
import { expectPassesAndRollupsExact } from "../support/exact";
import { createContext } from "../support/factories";

// Small chunks (the default is 10,000 events), so that the file takes several transactions.
process.env.PUNCHCARD_IMPORT_CHUNK_EVENTS = "1000";
vi.setConfig({ testTimeout: 400_000 });
const realdata = path.resolve(import.meta.dirname, "../..", "../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-concurrent-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

describe("an import alongside POS traffic", () => {
  it("leaves every pass exact, also after an undo that follows later API events", async () => {
    const context = await createContext("manager");
    const target = path.join(work, "coffee.csv");
    copyFileSync(path.join(realdata, "coffee-vending-bom.csv"), target);
    const sample = await sampleFile(target);
    const view = await createImport(context, { filePath: target, fileName: "coffee.csv", fileSize: 1, mapping: suggestMapping(sample.header, sample.rows.map((r) => r.cells)), readChoices: {} });
    const source = { kind: "api" as const, apiKeyId: context.user.id, apiKeyName: "till" };
    const serial = (i: number) => `ANON-0000-0000-${String(1 + (i % 40)).padStart(4, "0")}`;
    let running = true;
    const traffic = (async () => {
      let i = 0;
      while (running) {
        const inputs = Array.from({ length: 5 }, (_, k) => ({ type: k % 2 ? "visit" : "purchase", amount: k % 2 ? undefined : "12.34", customer: { passSerial: serial(i + k) }, createCustomer: true }));
        await recordEvents(context, inputs, source);
        i += 5;
      }
      return i;
    })();
    await processImport(view.id, new AbortController().signal);
    running = false;
    const posted = await traffic;
    expect(posted).toBeGreaterThan(0);
    expect((await getImport(context, view.id)).status).toBe("succeeded");
    expect(await expectPassesAndRollupsExact(context.merchantId)).toBeGreaterThan(1000);

    await recordEvents(context, [{ type: "purchase", amount: "500.00", customer: { passSerial: serial(0) } }], source);
    await undoImport(context, view.id, { merchantId: context.merchantId, userId: context.user.id, label: context.user.name });
    await expectPassesAndRollupsExact(context.merchantId);
    // Customers that also had API events stay; the import's own ones go.
    expect(await db.customer.count({ where: { merchantId: context.merchantId, passSerial: serial(0) } })).toBe(1);
    expect(await db.event.count({ where: { merchantId: context.merchantId, source: "import" } })).toBe(0);
  });

  it("records each order once when the till posts the same order ids while the import brings them in, and never fails a till request", async () => {
    const context = await createContext("manager");
    const orders = 3000;
    const card = (i: number) => `CARD-${String(i % 60).padStart(3, "0")}`;
    const when = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString().slice(0, 19);
    const amount = (i: number) => `${1 + (i % 17)}.${String(i % 100).padStart(2, "0")}`;
    const lines = ["card,when,amount,order", ...Array.from({ length: orders }, (_, i) => `${card(i)},${when(i)},${amount(i)},O-${i}`)];
    const target = path.join(work, "orders.csv");
    writeFileSync(target, `${lines.join("\n")}\n`);
    const mapping = { customer: { identifyBy: "passSerial" as const, column: "card", create: true }, eventType: { fixed: "purchase" as const }, when: { column: "when" }, dateOrder: "YMD" as const, amount: { column: "amount" }, idempotencyColumn: "order", negatives: "skip" as const, keepColumns: [] };
    const view = await createImport(context, { filePath: target, fileName: "orders.csv", fileSize: 1, mapping, readChoices: {} });
    const source = { kind: "api" as const, apiKeyId: context.user.id, apiKeyName: "till" };
    // The till posts the same orders (its own body: an import row it beat is a duplicate, the same
    // customer and type; a till request the import beat is a conflict), walking the file from both
    // ends towards the import, with redemptions.
    let running = true;
    const statuses: string[] = [];
    const traffic = (async () => {
      for (let k = 0; running && k < orders / 2; k += 3) {
        const picks = [k, orders - 1 - k, Math.floor(orders / 2) + k];
        const inputs: unknown[] = picks.filter((i) => i < orders).map((i) => ({ type: "purchase", customer: { passSerial: card(i) }, createCustomer: true, occurredAt: `${when(i)}Z`, amount: amount(i), idempotencyKey: `O-${i}` }));
        inputs.push({ type: "redemption", customer: { passSerial: card(k) }, data: { reward: "Coffee", pointsCost: 3 } });
        for (const r of await recordEvents(context, inputs, source)) statuses.push(r.status === "error" ? r.error.code : r.status);
      }
    })();
    await processImport(view.id, new AbortController().signal);
    running = false;
    await traffic; // a failed till request fails the test here
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses).size).toBeLessThanOrEqual(4);
    for (const status of statuses) expect(["created", "duplicate", "idempotency_conflict", "insufficient_points"]).toContain(status);
    const result = await getImport(context, view.id);
    expect(result.status).toBe("succeeded");
    // Every order once, whoever recorded it; every row of the file accounted for.
    const keys = await db.$queryRaw<{ keys: number; events: number }[]>`
      SELECT count(DISTINCT idempotency_key)::int AS keys, count(*)::int AS events FROM events
      WHERE merchant_id = ${context.merchantId}::uuid AND idempotency_key LIKE 'O-%'`;
    expect(keys[0]).toEqual({ keys: orders, events: orders });
    const imported = await db.event.count({ where: { merchantId: context.merchantId, importId: view.id } });
    expect(result.counts.events).toBe(imported);
    // An order the till recorded first is skipped as a duplicate, never an error row.
    expect(result.counts.errors).toBe(0);
    expect(await db.importError.count({ where: { importId: view.id, merchantId: context.merchantId } })).toBe(0);
    expect(result.counts.events + result.counts.duplicates).toBe(orders);
    expect(result.counts.duplicates).toBe(orders - imported);
    expect(result.counts.duplicates).toBeGreaterThan(0); // the till beat the import to its end of the file
    // The customers it counts as created are the ones it lists for undo, and each has its events.
    const listed = await db.importCustomer.findMany({ where: { importId: view.id, merchantId: context.merchantId }, select: { customerId: true } });
    expect(result.counts.customersCreated).toBe(listed.length);
    for (const { customerId } of listed) expect(await db.event.count({ where: { merchantId: context.merchantId, customerId, importId: view.id } })).toBeGreaterThan(0);
    expect(await db.customer.count({ where: { merchantId: context.merchantId } })).toBe(60);
    // No customer was left with nothing (created for a row that lost its key to the till).
    expect(await db.customer.count({ where: { merchantId: context.merchantId, events: { none: {} } } })).toBe(0);
    await expectPassesAndRollupsExact(context.merchantId);

    await undoImport(context, view.id, { merchantId: context.merchantId, userId: context.user.id, label: context.user.name });
    await expectPassesAndRollupsExact(context.merchantId, { balancesMayBeNegative: true });
    // Undo removed the customers it created that have no other events, and only those.
    expect(await db.customer.count({ where: { merchantId: context.merchantId, events: { none: {} } } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: context.merchantId, id: { notIn: listed.map((l) => l.customerId) } } })).toBe(60 - listed.length);
  });
});
