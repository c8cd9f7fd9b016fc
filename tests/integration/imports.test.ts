// Imports end to end on real PostgreSQL with the real files in ../shared/realdata, used as they
// are; expected counts are computed here from the files independently of the importer.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { mappingSchema, suggestMapping } from "@/lib/imports/mapping";
import { processImport, type Detection } from "@/lib/imports/process";
import { readFile, sampleFile } from "@/lib/imports/read";
import { RowBuilder, type EventDraft } from "@/lib/imports/rows";
import { createImport, getImport, undoImport } from "@/lib/imports/store";
import { createContext } from "../support/factories";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const realdata = path.resolve(repoRoot, "../shared/realdata");
vi.setConfig({ testTimeout: 240_000 });
const work = mkdtempSync(path.join(tmpdir(), "punchcard-imports-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

async function importFile(context: MerchantContext, name: string, adjust: (m: ReturnType<typeof suggestMapping>) => void = () => {}) {
  const target = path.join(work, `${Math.random().toString(36).slice(2)}-${name}`);
  copyFileSync(path.join(realdata, name), target);
  const sample = await sampleFile(target);
  const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
  adjust(mapping);
  const created = await createImport(context, { filePath: target, fileName: name, fileSize: 1, mapping, readChoices: {}, createdById: context.user.id });
  await processImport(created.id, new AbortController().signal);
  return getImport(context, created.id);
}

function coffeeExpectations() {
  const lines = readFileSync(path.join(realdata, "coffee-vending-bom.csv"), "utf8").replace(/^\ufeff/, "").split(/\r\n/).filter((l) => l !== "");
  const rows = lines.slice(1).map((l) => l.split(","));
  const card = rows.filter((r) => r[3] !== "");
  const firstCash = rows.findIndex((r) => r[3] === "") + 2; // + header line, 1-based
  return { rows: rows.length, events: card.length, customers: new Set(card.map((r) => r[3])).size, errors: rows.length - card.length, firstCash };
}

describe.sequential("importing the coffee machine's file (UTF-8 with BOM, card ids as pass serials)", () => {
  let context: MerchantContext;
  beforeAll(async () => {
    context = await createContext("manager");
  });

  it("records every card sale, reports every cash sale, and a re-import adds nothing", async () => {
    const expected = coffeeExpectations();
    const result = await importFile(context, "coffee-vending-bom.csv");
    expect(result.status).toBe("succeeded");
    expect(result.progress).toEqual({ rowsDone: expected.rows, rowsTotal: expected.rows });
    expect(result.counts).toMatchObject({ rows: expected.rows, events: expected.events, customersCreated: expected.customers, errors: expected.errors, duplicates: 0 });
    const events = await db.event.count({ where: { merchantId: context.merchantId, importId: result.id } });
    expect(events).toBe(expected.events);
    const errors = await db.importError.findMany({ where: { importId: result.id }, orderBy: { line: "asc" }, take: 1 });
    expect(errors[0]).toMatchObject({ line: expected.firstCash, reason: expect.stringMatching(/No customer/) });

    const again = await importFile(context, "coffee-vending-bom.csv");
    expect(again.counts).toMatchObject({ events: 0, customersCreated: 0, duplicates: expected.events, errors: expected.errors });
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(expected.events);
  });

  it("a dry run counts what the import will do (through the same bulk mode) and writes nothing", async () => {
    const own = await createContext("manager");
    const expected = coffeeExpectations();
    const target = path.join(work, `${Math.random().toString(36).slice(2)}-coffee.csv`);
    copyFileSync(path.join(realdata, "coffee-vending-bom.csv"), target);
    const sample = await sampleFile(target);
    const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
    const created = await createImport(own, { filePath: target, fileName: "coffee.csv", fileSize: 1, mapping, readChoices: {}, createdById: own.user.id, dryRun: true });
    await processImport(created.id, new AbortController().signal);
    const dry = await getImport(own, created.id);
    expect(dry.counts).toMatchObject({ rows: expected.rows, events: expected.events, customersCreated: expected.customers, errors: expected.errors, duplicates: 0 });
    expect(await db.event.count({ where: { merchantId: own.merchantId } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: own.merchantId } })).toBe(0);
  });

  it("undo removes exactly its events and customers, and the passes end as before", async () => {
    const own = await createContext("manager");
    const result = await importFile(own, "coffee-vending-bom.csv");
    await undoImport(own, result.id, { merchantId: own.merchantId, userId: own.user.id, label: own.user.name });
    expect(await db.event.count({ where: { merchantId: own.merchantId } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: own.merchantId } })).toBe(0);
    expect((await getImport(own, result.id)).status).toBe("undone");
    const rollups = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM daily_rollups WHERE merchant_id = ${own.merchantId}::uuid AND (count <> 0 OR amount <> 0 OR points <> 0)`;
    expect(Number(rollups[0]!.n)).toBe(0);
  });

  it("gives the same events, passes and rollups as the same rows sent through the API", async () => {
    const viaImport = await createContext("manager");
    const viaApi = await createContext("manager");
    const result = await importFile(viaImport, "coffee-vending-bom.csv");
    // The same drafts, built by the same builder, recorded as the POS API would: batches of 1,000.
    const file = await readFile(path.join(realdata, "coffee-vending-bom.csv"));
    const mapping = mappingSchema.parse((await db.import.findUniqueOrThrow({ where: { id: result.id } })).mapping);
    const detection = (await db.import.findUniqueOrThrow({ where: { id: result.id } })).detection as unknown as Detection;
    const builder = new RowBuilder(mapping, file.header, { timeZone: viaApi.merchant.timeZone, currency: "USD", dates: detection.dates, decimalSeparator: detection.decimalSeparator });
    const drafts: EventDraft[] = [];
    for await (const row of file.rows) for (const o of builder.push(row)) if (o.kind === "event") drafts.push(o.input);
    for (let i = 0; i < drafts.length; i += 1000) await recordEvents(viaApi, drafts.slice(i, i + 1000), { kind: "api", apiKeyId: viaApi.user.id, apiKeyName: "till" });

    const events = (merchantId: string) => db.$queryRaw<unknown[]>`
      SELECT c.pass_serial, e.type, e.occurred_at, e.amount::text, e.points, e.data, e.idempotency_key
      FROM events e JOIN customers c ON c.id = e.customer_id WHERE e.merchant_id = ${merchantId}::uuid ORDER BY e.idempotency_key`;
    const passes = (merchantId: string) => db.$queryRaw<unknown[]>`
      SELECT c.pass_serial, p.points_balance, p.points_earned::int AS points_earned, p.visit_count, p.lifetime_spend::text, p.tier, p.first_seen_at, p.last_seen_at
      FROM customer_passes p JOIN customers c ON c.id = p.customer_id WHERE p.merchant_id = ${merchantId}::uuid ORDER BY c.pass_serial`;
    const rollups = (merchantId: string) => db.$queryRaw<unknown[]>`
      SELECT day, type, location_key, count, amount::text, points FROM daily_rollups WHERE merchant_id = ${merchantId}::uuid ORDER BY day, type, location_key`;
    const customerRollups = (merchantId: string) => db.$queryRaw<unknown[]>`
      SELECT c.pass_serial, r.* FROM customer_rollups r JOIN customers c ON c.id = r.customer_id WHERE r.merchant_id = ${merchantId}::uuid ORDER BY c.pass_serial, r.type`;
    expect(await events(viaImport.merchantId)).toEqual(await events(viaApi.merchantId));
    expect(await passes(viaImport.merchantId)).toEqual(await passes(viaApi.merchantId));
    expect(await rollups(viaImport.merchantId)).toEqual(await rollups(viaApi.merchantId));
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), merchant_id: null, customer_id: null }));
    expect(strip(await customerRollups(viaImport.merchantId))).toEqual(strip(await customerRollups(viaApi.merchantId)));
  });
});
