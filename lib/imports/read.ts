// Reads an uploaded file as it is: what it really is (sniff), its encoding and delimiter (or the
// user's override), blank lines before the header skipped, then the data rows with their line
// numbers. Malformed files are refused with a specific reason (FileRefused), never a crash.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { parse } from "csv-parse";
import { bomLengthFor, decodeSample, decoderStream, detectEncoding, type DetectedEncoding, type TextEncoding } from "./encoding";
import { detectDelimiter, type Delimiter } from "./delimiter";
import { MAX_IMPORT_ROWS } from "./limits";
import { FileRefused, assertLooksLikeText, sniffKind, type FileKind } from "./sniff";
import { readWorkbook } from "./xlsx";

export const MAX_ROWS = MAX_IMPORT_ROWS;
/** Characters in one row; a longer one is almost always a quote that never closes. */
export const MAX_ROW_CHARS = 100_000;
const SAMPLE_BYTES = 64 * 1024;

export interface ReadChoices {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheet?: string;
}

export interface FileLayout {
  kind: FileKind;
  encoding: DetectedEncoding | null;
  delimiter: Delimiter | null;
  sheets: string[];
  sheet: string | null;
}

export interface SourceRow {
  /** 1-based line (CSV) or row number (XLSX) where the row starts. */
  line: number;
  cells: string[];
}

export interface ReadFile {
  layout: FileLayout;
  header: string[];
  headerLine: number;
  rows: AsyncIterable<SourceRow>;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

async function readHead(filePath: string): Promise<{ head: Buffer; size: number }> {
  const { size } = await stat(filePath);
  const handle = await open(filePath, "r");
  try {
    const head = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
}

function csvError(error: unknown, line: number): FileRefused {
  const code = (error as { code?: string }).code;
  if (code === "CSV_QUOTE_NOT_CLOSED") {
    return new FileRefused("unclosed_quote", `A quote opened near line ${line} is never closed, so the rest of the file would be one cell. Check that line in the file.`);
  }
  if (code === "CSV_MAX_RECORD_SIZE") {
    return new FileRefused("row_too_long", `The row starting at line ${line} is longer than ${MAX_ROW_CHARS.toLocaleString("en-US")} characters (often a quote that never closes).`);
  }
  if (code === "CSV_INVALID_CLOSING_QUOTE" || code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") {
    return new FileRefused("unclosed_quote", `Line ${line} has text right after a closing quote; the quoting of that row is broken.`);
  }
  return new FileRefused("unreadable", `The file could not be read as CSV near line ${line}.`);
}

async function* csvRows(filePath: string, encoding: TextEncoding, bomLength: number, delimiter: Delimiter, lineNumbers = true): AsyncGenerator<SourceRow> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_ROW_CHARS,
    // csv-parse builds an info object per record for the line numbers (~3 µs a row).
    info: lineNumbers,
  });
  const source = createReadStream(filePath, { start: bomLength });
  const input = source.pipe(decoderStream(encoding));
  source.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let endLine = 0;
  try {
    if (lineNumbers) {
      for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const line = endLine + 1;
        endLine = record.info.lines;
        yield { line, cells: record.record };
      }
    } else {
      for await (const cells of parser as AsyncIterable<string[]>) yield { line: 0, cells };
    }
  } catch (error) {
    // Without line numbers, the same file is read again with them to name the line of the problem.
    if (!lineNumbers && !(error instanceof FileRefused)) for await (const _ of csvRows(filePath, encoding, bomLength, delimiter, true));
    throw csvError(error, endLine + 1);
  } finally {
    source.destroy();
  }
}

async function* limited(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow> {
  let count = 0;
  for await (const row of rows) {
    if (isBlank(row.cells)) continue;
    // The header row does not count: a file may hold MAX_ROWS data rows.
    if (++count > MAX_ROWS + 1) {
      throw new FileRefused("too_many_rows", `The file has more than ${MAX_ROWS.toLocaleString("en-US")} rows; split it into smaller files.`);
    }
    yield row;
  }
}

/**
 * Opens the file: layout, header and a one-pass stream of data rows (blank rows skipped).
 * `lineNumbers: false` (a pass that only counts and looks at values) leaves CSV rows' `line` at 0.
 */
export async function readFile(filePath: string, choices: ReadChoices = {}, { lineNumbers = true }: { lineNumbers?: boolean } = {}): Promise<ReadFile> {
  const { head, size } = await readHead(filePath);
  const kind = sniffKind(head, size);
  let layout: FileLayout;
  let all: AsyncIterable<SourceRow>;
  if (kind === "xlsx") {
    const workbook = await readWorkbook(filePath);
    const sheet = choices.sheet ?? workbook.sheets[0]!;
    layout = { kind, encoding: null, delimiter: null, sheets: workbook.sheets, sheet };
    const rows = workbook.rows(sheet);
    all = (async function* () {
      yield* rows;
    })();
  } else {
    const detected = detectEncoding(head, size <= head.length);
    const encoding: DetectedEncoding = choices.encoding
      ? { encoding: choices.encoding, bomLength: bomLengthFor(head, choices.encoding), reason: detected.encoding === choices.encoding ? detected.reason : "fallback" }
      : detected;
    const text = decodeSample(head, encoding);
    assertLooksLikeText(text);
    const delimiter = choices.delimiter ?? detectDelimiter(text);
    layout = { kind, encoding, delimiter, sheets: [], sheet: null };
    all = csvRows(filePath, encoding.encoding, encoding.bomLength, delimiter, lineNumbers);
  }
  const iterator = limited(all)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new FileRefused("empty", kind === "xlsx" ? "The sheet is empty." : "The file has no rows (only blank lines).");
  const header = first.value.cells.map((cell) => cell.replace(/^\ufeff/, "").trim());
  const second = await iterator.next();
  if (second.done) throw new FileRefused("header_only", "The file has a header row but no data rows.");
  const rows = (async function* () {
    try {
      yield second.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (the sample) closes the file.
      await iterator.return?.(undefined);
    }
  })();
  return { layout, header, headerLine: first.value.line, rows };
}

/** A row with more filled cells than the header has columns: its cells cannot be assigned. */
export function raggedReason(row: SourceRow, headerLength: number): string | null {
  if (row.cells.length <= headerLength) return null;
  const extra = row.cells.slice(headerLength).filter((cell) => cell.trim() !== "").length;
  return extra > 0 ? `The row has ${row.cells.length} cells but the header has ${headerLength} columns.` : null;
}

/** The header and the first `count` data rows, for the mapping screen. */
export async function sampleFile(filePath: string, choices: ReadChoices = {}, count = 50) {
  const file = await readFile(filePath, choices);
  const rows: SourceRow[] = [];
  for await (const row of file.rows) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return { layout: file.layout, header: file.header, headerLine: file.headerLine, rows };
}
