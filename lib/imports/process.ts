import "server-only";
// Runs one import (the job's body): scan the file once (row count, date order and decimal
// separator from ALL the values), then record its rows in chunks through the one write path in
// its bulk mode (recordEventsBulk, lib/events/bulk.ts) — each chunk in one transaction with its
// error rows, its created customers and the import's progress, so a stopped or killed import
// resumes exactly after each stream's last chunk. The rows are split by customer into write
// streams that commit side by side; the next chunk is read and built while the database commits
// the current ones (at most one chunk in flight per stream, so memory stays bounded).
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { MAX_BULK_BATCH, prepareBulk, recordEventsBulk, type BulkResult, type PreparedBulk } from "@/lib/events/bulk";
import { Prisma } from "@/lib/generated/prisma/client";
import { JobInterrupted } from "@/lib/jobs/define";
import { DateOrderEvidence, type DateOrderDetection } from "./dates";
import { mappingSchema, type ImportMapping } from "./mapping";
import { DecimalEvidence, type DecimalSeparator } from "./money";
import { readFile, type ReadChoices, type SourceRow } from "./read";
import { RowBuilder, rowsOf, type EventDraft, type Outcome, type RowError } from "./rows";
import { TableStatistics } from "./statistics";
import { streamOf } from "./streams";
import { processCustomersImport } from "./customers-kind";
import { endImportOnError, ImportCancelled, runImportRows } from "./run";
import { timed, timedSync } from "@/lib/platform/phase-timer";

type Tx = Prisma.TransactionClient;
/**
 * Events per chunk (one transaction of one stream). Large enough that a chunk's fixed costs (round
 * trips, the fold's statements) are small per row; small enough that its pass locks are held
 * briefly, a resume after a kill redoes little, and two streams' chunks (one in flight and one
 * being built each) stay light: at 1,000,000 rows, 4,000 was as fast as 6,000 and 10,000 with the
 * lowest peak memory and customer-page latency (README, benchmarks). PUNCHCARD_IMPORT_CHUNK_EVENTS
 * overrides it.
 */
const chunkEvents = () => Math.min(Number(process.env.PUNCHCARD_IMPORT_CHUNK_EVENTS) || 4_000, MAX_BULK_BATCH);
/** Events in an import's first chunk at most: its commit is the first progress the user sees. */
const FIRST_CHUNK_EVENTS = 1_000;

export interface Detection {
  rowsTotal: number;
  dates: Pick<DateOrderDetection, "bySeparator" | "fallback" | "ambiguous" | "conflicting">;
  decimalSeparator: DecimalSeparator;
}

function dateColumnOf(mapping: ImportMapping): string {
  return "column" in mapping.when ? mapping.when.column : mapping.when.dateColumn;
}

/** One pass over the file: rows, and what all the values of the date and amount columns say. */
export async function scanFile(filePath: string, choices: ReadChoices, mapping: ImportMapping, fallbackOrder: "MDY" | "DMY"): Promise<Detection> {
  const file = await readFile(filePath, choices);
  const dateIndex = file.header.indexOf(dateColumnOf(mapping));
  const amountColumns = mapping.amount ? ("column" in mapping.amount ? [mapping.amount.column] : [mapping.amount.quantityColumn, mapping.amount.unitPriceColumn]) : [];
  const amountIndexes = amountColumns.map((name) => file.header.indexOf(name));
  // Evidence counted as the rows go by: a million rows' values are never held.
  const dates = new DateOrderEvidence();
  const amounts = new DecimalEvidence();
  let rowsTotal = 0;
  for await (const batch of file.batches) {
    for (const row of batch) {
      const date = row.cells[dateIndex];
      if (date) dates.add(date);
      for (const index of amountIndexes) {
        const value = row.cells[index];
        if (value) amounts.add(value);
      }
    }
    rowsTotal += batch.length;
    await new Promise<void>((resolve) => setImmediate(resolve)); // other requests share this process
  }
  return { rowsTotal, dates: dates.detection(fallbackOrder), decimalSeparator: amounts.separator() };
}

export const usualDateOrder = (currency: string): "MDY" | "DMY" => (currency === "USD" ? "MDY" : "DMY");

interface Chunk {
  drafts: { draft: EventDraft; rows: SourceRow[] }[];
  errors: RowError[];
  rows: number;
  /** The drafts validated by the write path (prepareBulk), done before waiting for the chunk in flight. */
  prepared?: PreparedBulk;
}

function resultError(result: BulkResult): string | null {
  return result.status === "error" ? result.error.message : null;
}

interface ChunkCounts {
  created: number;
  duplicates: number;
  grouped: number;
  customers: number;
  errors: number;
}

async function commitChunk(tx: Tx, errorsTx: Tx | typeof db, scope: MerchantScope, importId: string, chunk: Chunk): Promise<ChunkCounts> {
  const results = chunk.drafts.length ? await recordEventsBulk(scope, chunk.prepared ?? chunk.drafts.map((d) => d.draft), { kind: "import", importId }, tx) : [];
  const errors = [...chunk.errors];
  let created = 0;
  let duplicates = 0;
  let grouped = 0;
  results.forEach((result, i) => {
    const { rows } = chunk.drafts[i]!;
    const reason = resultError(result);
    if (reason) for (const row of rows) errors.push({ line: row.line, cells: row.cells, reason });
    else {
      if (result.status === "created") created++;
      else duplicates++;
      grouped += rows.length - 1;
    }
  });
  // Customers this chunk created and kept (each with an event of this import): the ones undo may
  // remove. The write path says which (newCustomer); a row's xmin cannot, since the bulk mode
  // writes under a savepoint (a subtransaction id).
  const customerIds = [...new Set(results.flatMap((r) => (r.status === "created" && r.newCustomer ? [r.customerId] : [])))];
  const inserted = customerIds.length
    ? await timed("importCustomers", () => tx.$queryRaw<{ id: string }[]>`
        INSERT INTO import_customers (import_id, customer_id, merchant_id)
        SELECT ${importId}::uuid, c.id, c.merchant_id FROM customers c
        WHERE c.merchant_id = ${scope.merchantId}::uuid AND c.id = ANY(${customerIds}::uuid[])
        ON CONFLICT DO NOTHING RETURNING customer_id::text AS id`)
    : [];
  if (errors.length) {
    await errorsTx.$executeRaw`
      INSERT INTO import_errors (import_id, line, merchant_id, reason, cells)
      SELECT ${importId}::uuid, e.line, ${scope.merchantId}::uuid, e.reason, e.cells
      FROM jsonb_to_recordset(${JSON.stringify(errors)}::jsonb) AS e(line int, reason text, cells jsonb)
      ON CONFLICT DO NOTHING`;
  }
  return { created, duplicates, grouped, customers: inserted.length, errors: errors.length };
}

/** Runs (or resumes) the import; returns when it is finished, cancelled or interrupted. */
export async function processImport(importId: string, signal: AbortSignal): Promise<void> {
  const row = await db.import.findUnique({ where: { id: importId }, include: { merchant: true } });
  if (!row || !["queued", "running"].includes(row.status)) return;
  if (row.kind === "customers") return processCustomersImport(row, signal);
  const scope: MerchantScope = { merchantId: row.merchantId, merchant: { id: row.merchant.id, name: row.merchant.name, timeZone: row.merchant.timeZone, currency: row.merchant.currency } };
  const mapping = mappingSchema.parse(row.mapping);
  const choices = row.readChoices as ReadChoices;
  // A dry run that was interrupted starts over: nothing of it was kept.
  const restart = row.dryRun ? { rowsDone: 0, eventsCreated: 0, duplicates: 0, groupedRows: 0, customersCreated: 0, errorRows: 0 } : {};
  if (row.dryRun) await db.importError.deleteMany({ where: { importId, merchantId: row.merchantId } });
  // The streams this import writes with: fixed when it first starts (a resume splits the rows the
  // same way); an import begun before streams existed resumes as one stream of rows_done rows.
  const resumed = !row.dryRun && (row.streamRowsDone.length > 0 || row.rowsDone > 0);
  const alreadyDone = resumed ? (row.streamRowsDone.length > 0 ? row.streamRowsDone : [row.rowsDone]) : new Array<number>(row.dryRun ? 1 : importStreams()).fill(0);
  await db.import.update({ where: { id: importId }, data: { status: "running", startedAt: row.startedAt ?? new Date(), ...restart, streamRowsDone: alreadyDone } });

  let detection = row.detection as Detection | null;
  try {
    if (!detection) {
      detection = await timed("scan", () => scanFile(row.filePath, choices, mapping, usualDateOrder(scope.merchant.currency)));
      await db.import.update({ where: { id: importId }, data: { detection: detection as unknown as Prisma.InputJsonValue, rowsTotal: detection.rowsTotal } });
    }
    const file = await readFile(row.filePath, choices);
    const builder = new RowBuilder(mapping, file.header, { timeZone: scope.merchant.timeZone, currency: scope.merchant.currency, dates: detection.dates, decimalSeparator: detection.decimalSeparator });
    // A dry run records every chunk in ONE transaction that is rolled back at the end (so a
    // customer created by an early row is found by a later one, exactly as in the real import);
    // its progress and error rows are written outside it. It has one stream.
    let dryTx: Tx | null = null;
    const statistics = new TableStatistics();
    const progress = (stream: number, current: Chunk, counts: ChunkCounts) => Prisma.sql`
      UPDATE imports SET rows_done = rows_done + ${current.rows}, events_created = events_created + ${counts.created},
        duplicates = duplicates + ${counts.duplicates}, grouped_rows = grouped_rows + ${counts.grouped},
        customers_created = customers_created + ${counts.customers}, error_rows = error_rows + ${counts.errors},
        stream_rows_done[${stream + 1}::int] = stream_rows_done[${stream + 1}::int] + ${current.rows}
      WHERE id = ${importId}::uuid AND merchant_id = ${scope.merchantId}::uuid RETURNING cancel_requested`;
    const commit = async (stream: number, current: Chunk): Promise<void> => {
      let cancelled: boolean;
      if (dryTx) {
        const counts = await commitChunk(dryTx, db, scope, importId, current);
        cancelled = (await db.$queryRaw<{ cancel_requested: boolean }[]>(progress(stream, current, counts)))[0]?.cancel_requested ?? false;
      } else {
        let created = 0;
        cancelled = await db.$transaction(
          async (tx) => {
            const counts = await commitChunk(tx, tx, scope, importId, current);
            created = counts.created;
            // Last, so the import's row is locked only for the commit (the other streams update it too).
            return (await tx.$queryRaw<{ cancel_requested: boolean }[]>(progress(stream, current, counts)))[0]?.cancel_requested ?? false;
          },
          { timeout: 120_000, maxWait: 20_000 },
        );
        statistics.grew(created);
        // The chunk's report deltas stay queued for the first Reports read and the minute job
        // (lib/reports/fresh.ts): folding them here doubled the import's time (README, imports).
      }
      if (cancelled) throw new ImportCancelled();
      if (signal.aborted) throw new JobInterrupted();
    };
    // The rows are split by customer into streams (streamOf): a customer's rows all go to one
    // stream, and each stream commits its chunks strictly in file order on its own connection, so
    // the pass rules see every customer's events in file order while the streams' transactions run
    // side by side (PostgreSQL works one statement per connection on one core; the next chunk is
    // built here meanwhile). What a stream has committed is always its first stream_rows_done rows.
    const streams = alreadyDone.map((done, index) => ({ index, done, consumed: 0, flushed: 0, chunk: emptyChunk(), inFlight: Promise.resolve() }));
    type Stream = (typeof streams)[number];
    const settle = async (stream: Stream) => {
      const previous = stream.inFlight;
      stream.inFlight = Promise.resolve();
      await timed("waitForDb", () => previous);
    };
    const flush = async (stream: Stream) => {
      if (stream.chunk.rows === 0) return;
      const current = stream.chunk;
      // Validated while the database still records the stream's previous chunk.
      if (current.drafts.length) current.prepared = await prepareBulk(current.drafts.map((d) => d.draft));
      await settle(stream);
      stream.chunk = emptyChunk();
      stream.inFlight = timed("commit", () => commit(stream.index, current));
      stream.inFlight.catch(() => undefined); // observed by the next settle()
      stream.flushed++;
    };
    // Outcomes come in file order and a chunk only ever holds whole outcomes (an order's group is
    // never split). A resumed import still feeds the committed rows to the builder (same keys for
    // identical rows) but records nothing of them.
    const fullChunk = chunkEvents();
    // Each stream's first chunk is small, so that progress shows within a second or two of the start.
    const firstChunk = Math.min(FIRST_CHUNK_EVENTS, fullChunk);
    /** Adds an outcome to its stream's chunk; returns the stream when its chunk is full. */
    const take = (outcome: Outcome): Stream | null => {
      const stream = streams[streamOf(outcome, mapping.customer.identifyBy, streams.length)]!;
      const n = rowsOf(outcome);
      stream.consumed += n;
      if (stream.consumed <= stream.done) return null;
      const { chunk } = stream;
      chunk.rows += n;
      if (outcome.kind === "errors") chunk.errors.push(...outcome.errors);
      else chunk.drafts.push({ draft: outcome.input, rows: outcome.rows });
      // Rows per chunk are bounded too, so progress moves (and a resume loses little) on error-heavy files.
      const chunkSize = stream.flushed === 0 ? firstChunk : fullChunk;
      return chunk.drafts.length >= chunkSize || chunk.rows >= 2 * chunkSize ? stream : null;
    };
    const all = async () => {
      let failure: { error: unknown } | null = null;
      try {
        for await (const batch of file.batches) {
          for (const source of batch) {
            for (const outcome of timedSync("build", () => builder.push(source))) {
              const full = take(outcome);
              if (full) await flush(full);
            }
          }
          // Building rows is synchronous work; the app's requests share this process (the job runs
          // in `npm start` by default), so let them in after each batch (a few hundred rows).
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        for (const outcome of builder.flush()) take(outcome);
        for (const stream of streams) await flush(stream);
      } catch (error) {
        failure = { error };
      }
      // Every stream's chunk in flight ends before the import does, or says why it failed.
      const ended = await Promise.allSettled(streams.map((stream) => stream.inFlight));
      const failed = ended.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failure) throw failure.error;
      if (failed) throw failed.reason;
    };
    await runImportRows(scope.merchantId, importId, row.dryRun, file.header, async (tx) => {
      dryTx = tx;
      try {
        await all();
      } finally {
        await statistics.settled(!row.dryRun);
      }
    });
  } catch (error) {
    await endImportOnError(importId, error);
  }
}

const emptyChunk = (): Chunk => ({ drafts: [], errors: [], rows: 0 });

/**
 * Write streams per import (PUNCHCARD_IMPORT_STREAMS, default 2: our machines have two cores, and
 * PostgreSQL runs each connection's statement on one of them).
 */
const importStreams = () => Math.min(Math.max(Math.trunc(Number(process.env.PUNCHCARD_IMPORT_STREAMS) || 2), 1), 8);

/** The last attempt failed unexpectedly: the import says so, with what was committed. */
export async function markImportFailed(importId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message.slice(0, 300) : "unknown error";
  await db.import.updateMany({
    where: { id: importId, status: { in: ["queued", "running"] } },
    data: { status: "failed", failure: `The import stopped unexpectedly (${message}). What was committed before is listed in the counts; run it again to finish (nothing is recorded twice).`, finishedAt: new Date() },
  });
}
