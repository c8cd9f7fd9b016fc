// XLSX streamed (exceljs WorkbookReader): sheets by name in workbook order, the chosen sheet's rows
// one at a time, and memory that does not grow with the sheet (the whole workbook is never loaded).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { readFile } from "./read";
import { FileRefused } from "./sniff";
import { sheetNamesOf } from "./xlsx";

vi.setConfig({ testTimeout: 180_000 });
const dir = mkdtempSync(path.join(tmpdir(), "punchcard-xlsx-"));

async function writeWorkbook(name: string, sheets: { name: string; rows: (string | number | Date)[][] }[]) {
  const target = path.join(dir, name);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useSharedStrings: true, useStyles: true });
  for (const sheet of sheets) {
    const ws = writer.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await writer.commit();
  return target;
}

describe("XLSX streaming", () => {
  it("lists the sheets in workbook order and reads the chosen one by name, dates by their format", async () => {
    const file = await writeWorkbook("two.xlsx", [
      { name: "Notes & <more>", rows: [["note"], ["ignore me"]] },
      { name: "Sales", rows: [["card", "when", "amount"], ["C-1", new Date(Date.UTC(2024, 2, 5, 14, 30)), 12.5]] },
    ]);
    const first = await readFile(file);
    expect(first.layout.sheets).toEqual(["Notes & <more>", "Sales"]);
    expect(first.header).toEqual(["note"]);
    const sales = await readFile(file, { sheet: "Sales" });
    const rows = [];
    for await (const row of sales.rows) rows.push(row);
    expect(sales.header).toEqual(["card", "when", "amount"]);
    expect(rows).toEqual([{ line: 2, cells: ["C-1", "2024-03-05 14:30:00", "12.5"] }]);
    await expect(readFile(file, { sheet: "Nope" })).rejects.toBeInstanceOf(FileRefused);
  });

  it("decodes sheet names as XML", () => {
    expect(sheetNamesOf('<sheets><sheet name="A &amp; B" sheetId="1"/><x:sheet name="&#233;t&#xE9;" sheetId="2"/></sheets>')).toEqual(["A & B", "été"]);
  });

  it("reads a large sheet without holding it: memory stays flat while 100,000 rows go by", async () => {
    const rows: (string | number)[][] = [["order", "card", "amount", "note"]];
    for (let i = 0; i < 100_000; i++) rows.push([`O${i}`, `CARD-${i % 5000}`, (i % 97) + 0.25, `line ${i} of a long sheet`]);
    const file = await writeWorkbook("large.xlsx", [{ name: "Big", rows }]);
    rows.length = 0;
    global.gc?.();
    const read = await readFile(file);
    let count = 0;
    let peak = 0;
    const before = process.memoryUsage().heapUsed;
    for await (const row of read.rows) {
      if (++count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      expect(row.cells.length).toBe(4);
    }
    expect(count).toBe(100_000);
    // The whole sheet as cell objects would be several hundred MB; streaming keeps a few chunks (and the shared strings).
    expect(peak).toBeLessThan(150 * 1024 * 1024);
  });
});
