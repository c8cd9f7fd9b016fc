import "server-only";
// Imports as the merchant sees them: create (the file is already on disk), status, history,
// cancel, undo and the error file. Every function takes the merchant scope first.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { MerchantScope } from "@/lib/auth/session";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { csvRow } from "@/lib/customers/csv";
import { db } from "@/lib/db";
import { notFound, AppError } from "@/lib/errors";
import { unfoldEvents, type InsertedEvent } from "@/lib/events/fold";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids";
import { enqueue } from "@/lib/jobs/queue";
import { importFileJob } from "./job";
import type { CustomersMapping } from "./customer-rows";
import type { ImportMapping } from "./mapping";
import type { ImportSummary } from "./summary";
import { sampleFile, type ReadChoices } from "./read";
import { foldPendingReports } from "@/lib/reports/fresh";

export function importsDir(): string {
  const dir = process.env.PUNCHCARD_IMPORTS_DIR ?? path.join(process.cwd(), ".data", "imports");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export type ImportApiStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "undone";

export interface ImportView {
  id: string;
  status: ImportApiStatus;
  fileName: string;
  fileSize: number;
  templateName: string | null;
  progress: { rowsDone: number; rowsTotal: number | null };
  counts: { rows: number; events: number; customersCreated: number; customersUpdated: number; duplicates: number; errors: number; grouped: number };
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdById: string | null;
  createdByName: string | null;
  dryRun: boolean;
  /** "events" (rows become events) or "customers" (a contact list). */
  kind: ImportKind;
  /** Whole-file summary once finished (errors by reason, points awarded, tier changes). */
  summary: ImportSummary | null;
}

export type ImportKind = "events" | "customers";

type ImportRow = Prisma.ImportGetPayload<object>;

export function viewOf(row: ImportRow, createdByName: string | null = null): ImportView {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    fileSize: Number(row.fileSize),
    templateName: row.templateName,
    progress: { rowsDone: row.rowsDone, rowsTotal: row.rowsTotal },
    counts: { rows: row.rowsDone, events: row.eventsCreated, customersCreated: row.customersCreated, customersUpdated: row.customersUpdated, duplicates: row.duplicates, errors: row.errorRows, grouped: row.groupedRows },
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdById: row.createdById,
    createdByName,
    dryRun: row.dryRun,
    kind: row.kind === "customers" ? "customers" : "events",
    summary: (row.summary as ImportSummary | null) ?? null,
  };
}

export interface CreateImportInput {
  filePath: string;
  fileName: string;
  fileSize: number;
  mapping: ImportMapping | CustomersMapping;
  readChoices: ReadChoices;
  templateName?: string | null;
  createdById?: string | null;
  apiKeyId?: string | null;
  /** Counts only: the whole import runs in a transaction that is rolled back. */
  dryRun?: boolean;
}

/** Records the import and queues its job in the same transaction. */
export async function createImport(scope: MerchantScope, input: CreateImportInput): Promise<ImportView> {
  const id = uuidv7();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.import.create({
      data: {
        id,
        merchantId: scope.merchantId,
        createdById: input.createdById ?? null,
        apiKeyId: input.apiKeyId ?? null,
        fileName: input.fileName.slice(0, 255),
        fileSize: BigInt(input.fileSize),
        filePath: input.filePath,
        mapping: input.mapping as unknown as Prisma.InputJsonValue,
        readChoices: input.readChoices as Prisma.InputJsonValue,
        templateName: input.templateName ?? null,
        dryRun: input.dryRun ?? false,
        kind: "kind" in input.mapping && input.mapping.kind === "customers" ? "customers" : "events",
      },
    });
    await enqueue(importFileJob, { importId: id }, { tx, singletonKey: id });
    return created;
  });
  return viewOf(row);
}

export async function getImport(scope: MerchantScope, id: string): Promise<ImportView> {
  const row = await db.import.findFirst({ where: { id, merchantId: scope.merchantId } });
  if (!row) throw notFound("That import");
  const user = row.createdById ? await db.user.findFirst({ where: { id: row.createdById, merchantId: scope.merchantId }, select: { name: true } }) : null;
  return viewOf(row, user?.name ?? null);
}

export async function listImports(scope: MerchantScope, limit = 50): Promise<ImportView[]> {
  const rows = await db.import.findMany({ where: { merchantId: scope.merchantId }, orderBy: { createdAt: "desc" }, take: limit });
  const ids = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const users = new Map((await db.user.findMany({ where: { merchantId: scope.merchantId, id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((row) => viewOf(row, row.createdById ? (users.get(row.createdById) ?? null) : null));
}

/** Asks a queued or running import to stop after its current chunk (what was committed stays). */
export async function cancelImport(scope: MerchantScope, id: string): Promise<void> {
  const updated = await db.import.updateMany({ where: { id, merchantId: scope.merchantId, status: { in: ["queued", "running"] } }, data: { cancelRequested: true } });
  if (updated.count === 0) {
    await getImport(scope, id);
    throw new AppError("conflict", "Only a queued or running import can be cancelled.");
  }
  // A queued one has no worker to notice: it ends here.
  await db.import.updateMany({ where: { id, merchantId: scope.merchantId, status: "queued" }, data: { status: "cancelled", finishedAt: new Date() } });
}

/**
 * Cancel, and undo what was committed: waits (up to two minutes) for the running chunk to end,
 * then undoes. A queued import ends at once with nothing to undo.
 */
export async function cancelAndUndoImport(scope: MerchantScope, id: string, actor: AuditActor): Promise<ImportView> {
  // It may have finished in the meantime: undo is still what was asked for.
  await cancelImport(scope, id).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
  });
  for (let waited = 0; waited < 120_000; waited += 250) {
    const row = await db.import.findFirst({ where: { id, merchantId: scope.merchantId }, select: { status: true } });
    if (row && !["queued", "running"].includes(row.status)) return undoImport(scope, id, actor);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new AppError("conflict", "The import is still stopping; undo it from its page in a moment.");
}

/**
 * Removes exactly the events the import created and the customers it created that have no other
 * events; passes and rollups are unfolded by the write path's own set-based entry point.
 */
export async function undoImport(scope: MerchantScope, id: string, actor: AuditActor): Promise<ImportView> {
  const row = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM imports WHERE id = ${id}::uuid AND merchant_id = ${scope.merchantId}::uuid FOR UPDATE`;
      if (!locked[0]) throw notFound("That import");
      if (!["succeeded", "cancelled", "failed"].includes(locked[0].status)) throw new AppError("conflict", "Only a finished import can be undone.");
      // Queued report deltas first, before customers are locked (lib/reports/fresh.ts): the undone
      // events are taken out of the report rollups below, and their customers may go.
      await foldPendingReports(scope, tx);
      const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: scope.merchantId }, select: { id: true, timeZone: true, tiers: true } });
      // The report rollups have no DELETE trigger (a customer's deletion keeps them as anonymous
      // totals), so the undone events are taken out of them here, in the statement that deletes them.
      const removed = await tx.$queryRaw<InsertedEvent[]>`
        WITH removed AS (
          DELETE FROM events WHERE merchant_id = ${scope.merchantId}::uuid AND import_id = ${id}::uuid AND voided_at IS NULL
          RETURNING merchant_id, customer_id, type, custom_name, location_id, occurred_at, source, amount, points
        ), reports AS (
          SELECT report_rollups_apply(ARRAY(
            SELECT ROW(r.merchant_id, r.customer_id, r.type, r.custom_name, r.location_id, r.occurred_at, r.source, r.amount, r.points, -1)::report_event_delta FROM removed r))
        )
        SELECT customer_id::text, type, source, occurred_at, location_id::text, amount::text, points FROM removed, reports`;
      await unfoldEvents(tx, merchant, removed);
      // Voided ones were already taken out of the pass when voided.
      await tx.$executeRaw`DELETE FROM events WHERE merchant_id = ${scope.merchantId}::uuid AND import_id = ${id}::uuid`;
      const customers = await tx.$executeRaw`
        DELETE FROM customers c USING import_customers ic
        WHERE ic.import_id = ${id}::uuid AND ic.merchant_id = ${scope.merchantId}::uuid
          AND c.merchant_id = ${scope.merchantId}::uuid AND c.id = ic.customer_id
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.merchant_id = ${scope.merchantId}::uuid AND e.customer_id = c.id)`;
      await writeAudit(actor, { action: "import.undone", targetType: "import", targetId: id, details: { events: removed.length, customers } }, tx);
      return tx.import.update({ where: { id }, data: { status: "undone", undoneAt: new Date() } });
    },
    { timeout: 300_000, maxWait: 20_000 },
  );
  return viewOf(row);
}

/** The error file for an import, with the header of its file. */
export async function* errorRowsCsvForImport(scope: MerchantScope, id: string): AsyncGenerator<string> {
  const row = await db.import.findFirst({ where: { id, merchantId: scope.merchantId }, select: { filePath: true, readChoices: true } });
  if (!row) throw notFound("That import");
  let header: string[] = [];
  try {
    header = (await sampleFile(row.filePath, row.readChoices as ReadChoices, 1)).header;
  } catch {
    // The file is gone or unreadable: the rows still carry their cells.
  }
  yield* errorRowsCsv(scope, id, header);
}

export async function errorFileName(scope: MerchantScope, id: string): Promise<string> {
  const row = await db.import.findFirst({ where: { id, merchantId: scope.merchantId }, select: { fileName: true } });
  if (!row) throw notFound("That import");
  return `${row.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "-") || "import"}-errors.csv`;
}

/** The error file: line, reason, then the original row as it was (cells neutralised for spreadsheets). */
export async function* errorRowsCsv(scope: MerchantScope, id: string, header: string[]): AsyncGenerator<string> {
  await getImport(scope, id);
  yield csvRow(["line", "reason", ...header]);
  let after = 0;
  for (;;) {
    const rows = await db.importError.findMany({ where: { importId: id, merchantId: scope.merchantId, line: { gt: after } }, orderBy: { line: "asc" }, take: 5000 });
    if (rows.length === 0) return;
    for (const row of rows) yield csvRow([row.line, row.reason, ...(row.cells as string[])]);
    after = rows[rows.length - 1]!.line;
  }
}
