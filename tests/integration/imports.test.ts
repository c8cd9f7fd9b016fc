// Imports end to end on real PostgreSQL with the real files in ../shared/realdata, used as they
// are; expected counts are computed here from the files independently of the importer.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport, undoImport } from "@/lib/imports/store";
import { createContext } from "../support/factories";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const realdata = path.resolve(repoRoot, "../shared/realdata");
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
  return { rows: rows.length, events: card.length, customers: new Set(card.map((r) => r[3])).size, errors: rows.length - card.length };
}

describe("importing the coffee machine's file (UTF-8 with BOM, card ids as pass serials)", () => {
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
    expect(errors[0]).toMatchObject({ line: 4, reason: expect.stringMatching(/No customer/) });

    const again = await importFile(context, "coffee-vending-bom.csv");
    expect(again.counts).toMatchObject({ events: 0, customersCreated: 0, duplicates: expected.events, errors: expected.errors });
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(expected.events);
  });

  it("undo removes exactly its events and customers, and the passes end as before", async () => {
    const own = await createContext("manager");
    const result = await importFile(own, "coffee-vending-bom.csv");
    await undoImport(own, result.id, { merchantId: own.merchantId, userId: own.user.id, label: own.user.name });
    expect(await db.event.count({ where: { merchantId: own.merchantId } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: own.merchantId } })).toBe(0);
    expect((await getImport(own, result.id)).status).toBe("undone");
    const rollups = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM daily_rollups WHERE merchant_id = ${own.merchantId}::uuid AND event_count <> 0`;
    expect(Number(rollups[0]!.n)).toBe(0);
  });
});
