// Reads an uploaded file as it is: what it really is (sniff), its encoding and delimiter (or the
// user's override), blank lines before the header skipped, then the data rows with their line
// numbers. Malformed files are refused with a specific reason (FileRefused), never a crash.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
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
  /** The data rows, one pass (the same pass as `batches`: read one or the other). */
  rows: AsyncIterable<SourceRow>;
  /** The data rows in file order, as arrays of what the reader had at hand (a pass over a big file: no per-row promise). */
  batches: AsyncIterable<SourceRow[]>;
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

/**
 * The records a Readable in object mode has buffered, as one array per wake-up: its own async
 * iterator costs a promise and a few microtasks per record, a million times per pass over a file.
 */
async function* recordBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let failure: { error: unknown } | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on("readable", notify);
  stream.on("end", () => ((ended = true), notify()));
  stream.on("error", (error) => ((failure = { error }), notify()));
  for (;;) {
    const batch: T[] = [];
    for (let record = stream.read() as T | null; record !== null; record = stream.read() as T | null) batch.push(record);
    if (batch.length > 0) yield batch;
    else if (failure) throw (failure as { error: unknown }).error;
    else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** Line breaks inside a record's cells (a quoted cell may hold some), whatever the line ending. */
function breaksIn(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    breaks += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
  }
  return breaks;
}

async function* csvRows(filePath: string, encoding: TextEncoding, bomLength: number, delimiter: Delimiter): AsyncGenerator<SourceRow[]> {
  // Line numbers are counted here, not with csv-parse's `info` (an object per record: it made a
  // pass over a file two to three times slower): a record starts on the line after the previous
  // one ended, and spans one line more per line break inside its cells.
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_ROW_CHARS });
  const source = createReadStream(filePath, { start: bomLength });
  const input = source.pipe(decoderStream(encoding));
  source.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let endLine = 0;
  try {
    for await (const records of recordBatches<string[]>(parser)) {
      yield records.map((cells) => {
        const line = endLine + 1;
        endLine = line + breaksIn(cells);
        return { line, cells };
      });
    }
  } catch (error) {
    throw csvError(error, endLine + 1);
  } finally {
    source.destroy();
  }
}

/** Blank rows left out; more than MAX_ROWS data rows refused. */
async function* limited(batches: AsyncIterable<SourceRow[]>): AsyncGenerator<SourceRow[]> {
  let count = 0;
  for await (const batch of batches) {
    const kept = batch.filter((row) => !isBlank(row.cells));
    count += kept.length;
    // The header row does not count: a file may hold MAX_ROWS data rows.
    if (count > MAX_ROWS + 1) {
      throw new FileRefused("too_many_rows", `The file has more than ${MAX_ROWS.toLocaleString("en-US")} rows; split it into smaller files.`);
    }
    if (kept.length > 0) yield kept;
  }
}

/** Rows in arrays of up to `size`, from a source that gives them one at a time (an XLSX sheet). */
async function* batchesOf(rows: AsyncIterable<SourceRow>, size = 500): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Opens the file: layout, header and a one-pass stream of data rows (blank rows skipped). */
export async function readFile(filePath: string, choices: ReadChoices = {}): Promise<ReadFile> {
  const { head, size } = await readHead(filePath);
  const kind = sniffKind(head, size);
  let layout: FileLayout;
  let all: AsyncIterable<SourceRow[]>;
  if (kind === "xlsx") {
    const workbook = await readWorkbook(filePath);
    const sheet = choices.sheet ?? workbook.sheets[0]!;
    layout = { kind, encoding: null, delimiter: null, sheets: workbook.sheets, sheet };
    all = batchesOf(workbook.rows(sheet));
  } else {
    const detected = detectEncoding(head, size <= head.length);
    const encoding: DetectedEncoding = choices.encoding
      ? { encoding: choices.encoding, bomLength: bomLengthFor(head, choices.encoding), reason: detected.encoding === choices.encoding ? detected.reason : "fallback" }
      : detected;
    const text = decodeSample(head, encoding);
    assertLooksLikeText(text);
    const delimiter = choices.delimiter ?? detectDelimiter(text);
    layout = { kind, encoding, delimiter, sheets: [], sheet: null };
    all = csvRows(filePath, encoding.encoding, encoding.bomLength, delimiter);
  }
  const iterator = limited(all)[Symbol.asyncIterator]();
  // The header and the first data row, from the first batches.
  let pending: SourceRow[] = [];
  const nextRow = async (): Promise<SourceRow | null> => {
    while (pending.length === 0) {
      const next = await iterator.next();
      if (next.done) return null;
      pending = next.value;
    }
    return pending.shift()!;
  };
  const first = await nextRow();
  if (!first) throw new FileRefused("empty", kind === "xlsx" ? "The sheet is empty." : "The file has no rows (only blank lines).");
  const header = first.cells.map((cell) => cell.replace(/^\ufeff/, "").trim());
  const second = await nextRow();
  if (!second) throw new FileRefused("header_only", "The file has a header row but no data rows.");
  const batches = (async function* () {
    try {
      yield [second, ...pending];
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (the sample) closes the file.
      await iterator.return?.(undefined);
    }
  })();
  const rows = (async function* () {
    for await (const batch of batches) yield* batch;
  })();
  return { layout, header, headerLine: first.line, rows, batches };
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
