// The real exports in ../shared/realdata imported as they are. Expected counts are computed here
// straight from the files (csv-parse / exceljs and decimal arithmetic), not by the importer.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { suggestMapping, type ImportMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport } from "@/lib/imports/store";
import { createContext } from "../support/factories";

vi.setConfig({ testTimeout: 400_000 });
const realdata = path.resolve(import.meta.dirname, "../..", "../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-realdata-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

async function importFile(context: MerchantContext, name: string, adjust: (m: ImportMapping) => void = () => {}) {
  const target = path.join(work, `${Math.random().toString(36).slice(2)}-${name}`);
  copyFileSync(path.join(realdata, name), target);
  const sample = await sampleFile(target);
  const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
  adjust(mapping);
  const created = await createImport(context, { filePath: target, fileName: name, fileSize: 1, mapping, readChoices: {}, createdById: context.user.id });
  await processImport(created.id, new AbortController().signal);
  return { view: await getImport(context, created.id), mapping };
}

type Row = Record<string, string>;

/** Consecutive rows sharing the group column, as the importer groups them. */
function groupsOf(rows: Row[], column: string): Row[][] {
  const groups: Row[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]![column] === row[column]) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

function retailExpectations(rows: Row[]) {
  const groups = groupsOf(rows, "InvoiceNo");
  const total = (g: Row[]) => g.reduce((sum, r) => sum.plus(new Decimal(r.Quantity!).times(r.UnitPrice!)), new Decimal(0));
  const withCustomer = groups.filter((g) => g.every((r) => r.CustomerID!.trim() !== ""));
  const recorded = withCustomer.filter((g) => total(g).gte(0));
  const cancelled = withCustomer.filter((g) => total(g).lt(0));
  return {
    rows: rows.length,
    events: recorded.length,
    refunds: cancelled.length,
    grouped: recorded.reduce((n, g) => n + g.length - 1, 0),
    errors: rows.length - recorded.reduce((n, g) => n + g.length, 0),
    customers: new Set(recorded.map((g) => g[0]!.CustomerID)).size,
    spendCents: recorded.reduce((sum, g) => sum.plus(total(g).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)), new Decimal(0)).toNumber(),
  };
}

const retailMapping = (m: ImportMapping) => {
  // The file's dates never have a day above 12 (1–9 December 2010): ambiguous, so the user
  // confirms month/day/year, as the README of the data says.
  m.dateOrder = "MDY";
};

describe("Online Retail CSV (line items grouped by InvoiceNo, Quantity × UnitPrice, M/D/YY)", () => {
  const rows = parse(readFileSync(path.join(realdata, "online-retail-20k.csv")), { columns: true }) as Row[];
  const expected = retailExpectations(rows);

  it("suggests the mapping and imports every invoice exactly; blank CustomerID rows and cancellations reported", async () => {
    const context = await createContext("manager");
    const { view, mapping } = await importFile(context, "online-retail-20k.csv", retailMapping);
    expect(mapping).toMatchObject({ customer: { identifyBy: "externalId", column: "CustomerID" }, groupBy: "InvoiceNo", amount: { quantityColumn: "Quantity", unitPriceColumn: "UnitPrice" }, when: { column: "InvoiceDate" } });
    expect(view.status).toBe("succeeded");
    expect(view.counts).toEqual({ rows: expected.rows, events: expected.events, customersCreated: expected.customers, duplicates: 0, errors: expected.errors, grouped: expected.grouped, customersUpdated: 0 });
    expect(view.counts.events + view.counts.duplicates + view.counts.errors + view.counts.grouped).toBe(expected.rows);
    const spend = await db.$queryRaw<{ cents: number }[]>`SELECT (sum(lifetime_spend) * 100)::int AS cents FROM customer_passes WHERE merchant_id = ${context.merchantId}::uuid`;
    expect(spend[0]!.cents).toBe(expected.spendCents);
    const first = await db.event.findFirst({ where: { merchantId: context.merchantId, importId: view.id }, orderBy: { occurredAt: "asc" } });
    expect(first!.occurredAt.toISOString()).toBe("2010-12-01T13:26:00.000Z"); // 8:26 in New York
    expect(first!.data).toMatchObject({ orderId: "536365", items: 40 });
  });

  it("records cancellations as refund events that add no spend, when chosen", async () => {
    const context = await createContext("manager");
    const { view } = await importFile(context, "online-retail-20k.csv", (m) => {
      retailMapping(m);
      m.negatives = "refund";
    });
    expect(view.counts.events).toBe(expected.events + expected.refunds);
    const refunds = await db.event.count({ where: { merchantId: context.merchantId, type: "custom", customName: "refund" } });
    expect(refunds).toBe(expected.refunds);
    const spend = await db.$queryRaw<{ cents: number }[]>`SELECT (sum(lifetime_spend) * 100)::int AS cents FROM customer_passes WHERE merchant_id = ${context.merchantId}::uuid`;
    expect(spend[0]!.cents).toBe(expected.spendCents);
  });
});

describe("Online Retail XLSX (Excel serial dates, mixed cell types)", () => {
  it("imports the same way as the CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(realdata, "online-retail-1k.xlsx"));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const rows: Row[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = row.values as ExcelJS.CellValue[];
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] === null || values[i + 1] === undefined ? "" : String(values[i + 1])])));
    });
    const expected = retailExpectations(rows);
    const context = await createContext("manager");
    const { view } = await importFile(context, "online-retail-1k.xlsx");
    expect(view.counts).toEqual({ rows: expected.rows, events: expected.events, customersCreated: expected.customers, duplicates: 0, errors: expected.errors, grouped: expected.grouped, customersUpdated: 0 });
    const first = await db.event.findFirst({ where: { merchantId: context.merchantId, importId: view.id }, orderBy: { occurredAt: "asc" } });
    expect(first!.occurredAt.toISOString()).toBe("2010-12-01T13:26:00.000Z");
  });
});

describe("Superstore (Windows-1252, several rows per Order ID)", () => {
  it("imports every order with names such as “Resi Pölking” intact", async () => {
    const rows = parse(iconv.decode(readFileSync(path.join(realdata, "superstore-cp1252.csv")), "windows-1252"), { columns: true }) as Row[];
    const groups = groupsOf(rows, "Order ID");
    const context = await createContext("manager");
    const { view, mapping } = await importFile(context, "superstore-cp1252.csv");
    expect(mapping).toMatchObject({ customer: { identifyBy: "externalId", column: "Customer ID", nameColumn: "Customer Name" }, groupBy: "Order ID", amount: { column: "Sales" } });
    expect(view.counts).toEqual({ rows: rows.length, events: groups.length, customersCreated: new Set(rows.map((r) => r["Customer ID"])).size, duplicates: 0, errors: 0, grouped: rows.length - groups.length, customersUpdated: 0 });
    expect(await db.customer.count({ where: { merchantId: context.merchantId, name: "Resi Pölking" } })).toBe(1);
  });
});
