// XLSX: check the zip's declared sizes before anything inflates it (a zip bomb is refused from
// its central directory), then stream the chosen sheet with exceljs, cells by their type.
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { FileRefused } from "./sniff";

/** Uncompressed bytes we are willing to inflate for one workbook. */
export const MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024;
const MAX_RATIO = 200;

export interface ZipSummary {
  entries: string[];
  uncompressed: number;
}

export function inspectZip(filePath: string): Promise<ZipSummary> {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(new FileRefused("unreadable", "The file starts like an XLSX workbook but its zip structure is damaged."));
      const entries: string[] = [];
      let uncompressed = 0;
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.push(entry.fileName);
        uncompressed += entry.uncompressedSize;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
        if (uncompressed > MAX_XLSX_UNCOMPRESSED || (ratio > MAX_RATIO && entry.uncompressedSize > 10 * 1024 * 1024)) {
          zip.close();
          return reject(
            new FileRefused("zip_bomb", `The workbook would unpack to an absurd size (${entry.fileName}: ${entry.uncompressedSize.toLocaleString("en-US")} bytes); it is refused as a zip bomb.`),
          );
        }
        zip.readEntry();
      });
      zip.on("end", () => resolve({ entries, uncompressed }));
      zip.on("error", () => reject(new FileRefused("unreadable", "The XLSX workbook's zip structure is damaged.")));
      zip.readEntry();
    });
  });
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel stores wall-clock date-times; exceljs hands them over as Dates whose UTC fields are that clock. */
function wallClock(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return wallClock(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return "";
    if (result instanceof Date) return wallClock(result);
    if (typeof result === "object") return "error" in result ? String(result.error) : "";
    return cellText(result);
  }
  if ("text" in value) return String(value.text);
  return "";
}

export interface Workbook {
  sheets: string[];
  /** The sheet's rows, streamed from the file (never the whole workbook in memory). */
  rows(sheet: string): AsyncIterable<{ line: number; cells: string[] }>;
}

/** One (small) zip entry as text; the zip-bomb guard has already checked the declared sizes. */
function readEntry(filePath: string, name: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(new FileRefused("unreadable", "The XLSX workbook's zip structure is damaged."));
      let found = false;
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        found = true;
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(new FileRefused("unreadable", "The XLSX workbook's zip structure is damaged."));
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString("utf8"));
          });
          stream.on("error", () => reject(new FileRefused("unreadable", "The XLSX workbook's zip structure is damaged.")));
        });
      });
      zip.on("end", () => !found && resolve(null));
      zip.on("error", () => reject(new FileRefused("unreadable", "The XLSX workbook's zip structure is damaged.")));
      zip.readEntry();
    });
  });
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name[0] === "#" ? String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : (XML_ENTITIES[name] ?? whole));

/** The sheet names in workbook order, from xl/workbook.xml (a few KB) without reading any sheet. */
export function sheetNamesOf(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decodeXml(m[1] ?? ""));
}

// exceljs's streaming reader names each sheet once workbook.xml is read (not in its types).
type NamedSheet = AsyncIterable<ExcelJS.Row> & { name?: string };

/**
 * Reads the workbook with exceljs's streaming WorkbookReader: rows come one at a time from the
 * zip, so memory stays bounded whatever the sheet's size (shared strings and styles are kept: a
 * sheet's cells refer to them; exceljs parks a sheet that comes before them in the zip in a temp
 * file, as Excel writes them). Date cells are recognised by their number format, as before.
 */
export async function readWorkbook(filePath: string): Promise<Workbook> {
  const summary = await inspectZip(filePath);
  if (!summary.entries.includes("xl/workbook.xml")) {
    throw new FileRefused("not_spreadsheet", "This is a zip archive, not an XLSX workbook.");
  }
  const sheets = sheetNamesOf((await readEntry(filePath, "xl/workbook.xml")) ?? "");
  if (sheets.length === 0) throw new FileRefused("no_sheet", "The workbook has no sheets.");
  return {
    sheets,
    async *rows(name: string) {
      if (!sheets.includes(name)) throw new FileRefused("no_sheet", `The workbook has no sheet named “${name}”.`);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
      let found = false;
      try {
        for await (const sheet of reader as AsyncIterable<NamedSheet>) {
          if (sheet.name !== name) continue;
          found = true;
          for await (const row of sheet) {
            const cells: string[] = [];
            // row.values is 1-based with a hole at 0.
            const values = row.values as ExcelJS.CellValue[];
            for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
            yield { line: row.number, cells };
          }
          break;
        }
      } catch (error) {
        if (error instanceof FileRefused) throw error;
        throw new FileRefused("unreadable", "The XLSX workbook could not be read; open it in Excel and save it again.");
      } finally {
        // Stopping early (the sample, a cancelled import) closes the file.
        (reader as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
      }
      if (!found) throw new FileRefused("no_sheet", `The workbook has no sheet named “${name}”.`);
    },
  };
}
