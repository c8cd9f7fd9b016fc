import "server-only";
// The customers import kind: a contact list creates or updates customers, without events, under
// THE creation policy (lib/customers/creation createCustomers: deletion blocks, duplicate email,
// generated serials in the merchant's format, audit). An opening points balance is one event of
// its own per customer, recorded through recordEvents (source import, with the import id) so the
// pass history explains the balance. Chunks commit with their progress like the events kind
// (resumable after the last chunk); a dry run runs in one transaction that is rolled back.
//
// Matching and updates: a row finds the customer by any of its identifiers (pass serial, customer
// id, email, phone in E.164). An update only fills in what the customer does not have yet; a value
// that differs from the customer's is left as it is (counted as "values kept"), so an import never
// overwrites what staff edited. Identifiers that lead to two different customers are an error row.
import type { AuditActor } from "@/lib/audit";
import type { MerchantScope } from "@/lib/auth/session";
import { createCustomers, suppressedKinds } from "@/lib/customers/creation";
import { phoneRegionFor } from "@/lib/customers/region";
import { newPassSerial } from "@/lib/customers/serials";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { JobInterrupted } from "@/lib/jobs/define";
import { customersMappingSchema, parseContactRow, rounds, type ContactRow } from "./customer-rows";
import { readFile, type ReadChoices } from "./read";
import type { RowError } from "./rows";
import { TableStatistics } from "./statistics";
import { endImportOnError, ImportCancelled, runImportRows } from "./run";

type Tx = Prisma.TransactionClient;
type ImportWithMerchant = Prisma.ImportGetPayload<{ include: { merchant: true } }>;

const CHUNK_ROWS = 500;
export const OPENING_BALANCE_NAME = "Opening balance";
const SUPPRESSED = "This person asked to be deleted, so they can’t be added again. An owner can lift this in Settings → Privacy.";

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  events: number;
  errors: number;
  valuesKept: number;
}

interface Existing {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  pass_serial: string;
}

const FIELDS = [
  ["name", "name"],
  ["email", "email"],
  ["phone", "phone"],
  ["externalId", "external_id"],
] as const;

async function applyRound(tx: Tx, scope: MerchantScope, importId: string, actor: AuditActor | undefined, rows: ContactRow[], errors: RowError[], counts: Counts): Promise<void> {
  const merchantId = scope.merchantId;
  const list = (pick: (r: ContactRow) => string | null) => [...new Set(rows.flatMap((r) => (pick(r) ? [pick(r)!] : [])))];
  const existing = await tx.$queryRaw<Existing[]>`
    SELECT id::text, name, email, phone, external_id, pass_serial FROM customers
    WHERE merchant_id = ${merchantId}::uuid
      AND (pass_serial = ANY(${list((r) => r.passSerial)}::text[]) OR external_id = ANY(${list((r) => r.externalId)}::text[])
           OR email = ANY(${list((r) => r.email)}::text[]) OR phone = ANY(${list((r) => r.phone)}::text[]))
    FOR UPDATE`;
  const fail = (row: ContactRow, reason: string) => errors.push({ line: row.line, cells: row.cells, reason });
  const matchesOf = (row: ContactRow) =>
    [...new Set(existing.filter((c) => (row.passSerial && c.pass_serial === row.passSerial) || (row.externalId && c.external_id === row.externalId) || (row.email && c.email === row.email) || (row.phone && c.phone === row.phone)))];

  const toCreate: ContactRow[] = [];
  const updates: { row: ContactRow; customer: Existing; fill: Partial<Record<(typeof FIELDS)[number][0], string>> }[] = [];
  const withCustomer: { row: ContactRow; customerId: string; isNew: boolean }[] = [];
  for (const row of rows) {
    const matches = matchesOf(row);
    if (matches.length > 1) {
      fail(row, `The identifiers on this row belong to different customers (passes ${matches.map((m) => m.pass_serial).join(" and ")}).`);
      continue;
    }
    const customer = matches[0];
    if (!customer) {
      toCreate.push(row);
      continue;
    }
    const fill: Partial<Record<(typeof FIELDS)[number][0], string>> = {};
    for (const [key, col] of FIELDS) {
      const mine = row[key];
      if (!mine) continue;
      if (customer[col] === null) fill[key] = mine;
      else if (customer[col] !== mine) counts.valuesKept++;
    }
    if (row.passSerial && customer.pass_serial !== row.passSerial) counts.valuesKept++;
    updates.push({ row, customer, fill });
  }

  // Filling in an identifier of someone deleted on request is refused like creating them.
  const suppressed = await suppressedKinds(tx, merchantId, updates.map((u) => u.fill));
  const apply = updates.filter((u, i) => {
    if (suppressed[i]) fail(u.row, SUPPRESSED);
    return !suppressed[i];
  });
  const filled = apply.filter((u) => Object.keys(u.fill).length > 0);
  if (filled.length) {
    const json = JSON.stringify(filled.map((u) => ({ id: u.customer.id, name: u.fill.name ?? null, email: u.fill.email ?? null, phone: u.fill.phone ?? null, external_id: u.fill.externalId ?? null })));
    await tx.$executeRaw`
      UPDATE customers c SET name = coalesce(c.name, x.name), email = coalesce(c.email, x.email), phone = coalesce(c.phone, x.phone), external_id = coalesce(c.external_id, x.external_id)
      FROM json_to_recordset(${json}::json) AS x(id uuid, name text, email text, phone text, external_id text)
      WHERE c.merchant_id = ${merchantId}::uuid AND c.id = x.id`;
    if (actor) {
      await tx.auditLog.createMany({
        data: filled.map((u) => ({
          merchantId, actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null, actorLabel: actor.label,
          action: "customer.updated", targetType: "customer", targetId: u.customer.id, details: { fields: Object.keys(u.fill), via: "import" },
        })),
      });
    }
  }
  for (const u of apply) withCustomer.push({ row: u.row, customerId: u.customer.id, isNew: false });

  if (toCreate.length) {
    const format = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { passSerialPrefix: true, passSerialLength: true } });
    const outcomes = await createCustomers(
      tx, merchantId,
      toCreate.map((r) => ({ name: r.name, email: r.email, phone: r.phone, externalId: r.externalId, passSerial: r.passSerial })),
      { audit: actor, via: "import", nextSerial: () => newPassSerial({ prefix: format.passSerialPrefix, length: format.passSerialLength }) },
    );
    const createdIds: string[] = [];
    outcomes.forEach((outcome, i) => {
      const row = toCreate[i]!;
      if (outcome.status === "created") {
        createdIds.push(outcome.id);
        withCustomer.push({ row, customerId: outcome.id, isNew: true });
      } else if (outcome.status === "suppressed") fail(row, SUPPRESSED);
      else if (outcome.status === "email_taken") fail(row, `${outcome.existing.name ?? "A customer"} (pass ${outcome.existing.passSerial}) already has this email.`);
      else fail(row, outcome.kind === "passSerial" ? "That pass serial already belongs to another customer." : "That customer id already belongs to another customer.");
    });
    if (createdIds.length) {
      await tx.$executeRaw`
        INSERT INTO import_customers (import_id, customer_id, merchant_id)
        SELECT ${importId}::uuid, unnest(${createdIds}::uuid[]), ${merchantId}::uuid ON CONFLICT DO NOTHING`;
    }
  }

  // Opening balances: one event per customer, keyed by the customer so no import records it twice.
  const opening = withCustomer.filter((w) => w.row.openingPoints !== null || w.row.previousTier !== null);
  const results = opening.length
    ? await recordEvents(
        scope,
        opening.map((w) => ({
          type: "custom", customName: OPENING_BALANCE_NAME, customer: { id: w.customerId }, idempotencyKey: `opening-balance:${w.customerId}`,
          data: { openingPoints: w.row.openingPoints ?? 0, ...(w.row.previousTier ? { previousTier: w.row.previousTier } : {}) },
        })),
        { kind: "import", importId },
        { tx, openingBalances: true },
      )
    : [];
  const eventCreated = new Set<string>();
  const eventFailed = new Set<string>();
  results.forEach((result, i) => {
    const w = opening[i]!;
    if (result.status === "created") eventCreated.add(w.customerId);
    else if (result.status === "error") {
      eventFailed.add(w.customerId);
      fail(w.row, result.error.code === "idempotency_conflict" ? "This customer already has a different opening balance from an earlier import; undo that import to change it." : result.error.message);
    }
  });
  for (const w of withCustomer) {
    if (eventFailed.has(w.customerId)) continue;
    if (eventCreated.has(w.customerId)) counts.events++;
    if (w.isNew) counts.created++;
    else if (eventCreated.has(w.customerId) || updates.find((u) => u.row === w.row && Object.keys(u.fill).length > 0)) counts.updated++;
    else counts.unchanged++;
  }
}

async function commitChunk(tx: Tx, errorsTx: Tx | typeof db, scope: MerchantScope, importId: string, actor: AuditActor | undefined, items: (ContactRow | RowError)[]): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, events: 0, errors: 0, valuesKept: 0 };
  const errors: RowError[] = items.filter((i): i is RowError => "reason" in i);
  for (const round of rounds(items.filter((i): i is ContactRow => !("reason" in i)))) await applyRound(tx, scope, importId, actor, round, errors, counts);
  counts.errors = errors.length;
  if (errors.length) {
    await errorsTx.$executeRaw`
      INSERT INTO import_errors (import_id, line, merchant_id, reason, cells)
      SELECT ${importId}::uuid, e.line, ${scope.merchantId}::uuid, e.reason, e.cells
      FROM jsonb_to_recordset(${JSON.stringify(errors)}::jsonb) AS e(line int, reason text, cells jsonb)
      ON CONFLICT DO NOTHING`;
  }
  return counts;
}

async function actorOf(row: ImportWithMerchant): Promise<AuditActor | undefined> {
  if (row.createdById) {
    const user = await db.user.findFirst({ where: { id: row.createdById, merchantId: row.merchantId }, select: { name: true } });
    return { merchantId: row.merchantId, userId: row.createdById, label: user?.name ?? "Import" };
  }
  if (row.apiKeyId) {
    const key = await db.apiKey.findFirst({ where: { id: row.apiKeyId, merchantId: row.merchantId }, select: { name: true } });
    return { merchantId: row.merchantId, apiKeyId: row.apiKeyId, label: key?.name ?? "API" };
  }
  return undefined;
}


/** Runs (or resumes) a customers import; the events kind's processImport hands it over. */
export async function processCustomersImport(row: ImportWithMerchant, signal: AbortSignal): Promise<void> {
  const importId = row.id;
  const scope: MerchantScope = { merchantId: row.merchantId, merchant: { id: row.merchant.id, name: row.merchant.name, timeZone: row.merchant.timeZone, currency: row.merchant.currency } };
  const mapping = customersMappingSchema.parse(row.mapping);
  const choices = row.readChoices as ReadChoices;
  const region = phoneRegionFor(scope.merchant.timeZone);
  const actor = await actorOf(row);
  const restart = row.dryRun ? { rowsDone: 0, eventsCreated: 0, duplicates: 0, customersCreated: 0, customersUpdated: 0, errorRows: 0, summary: Prisma.DbNull } : {};
  if (row.dryRun) await db.importError.deleteMany({ where: { importId, merchantId: row.merchantId } });
  await db.import.update({ where: { id: importId }, data: { status: "running", startedAt: row.startedAt ?? new Date(), ...restart } });
  const alreadyDone = row.dryRun ? 0 : row.rowsDone;
  try {
    if (row.rowsTotal === null) {
      let total = 0;
      for await (const _ of (await readFile(row.filePath, choices)).rows) total++;
      await db.import.update({ where: { id: importId }, data: { rowsTotal: total } });
    }
    const file = await readFile(row.filePath, choices);
    let dryTx: Tx | null = null;
    const statistics = new TableStatistics();
    let items: (ContactRow | RowError)[] = [];
    const flush = async () => {
      if (!items.length) return;
      const current = items;
      items = [];
      const progress = (tx: Tx | typeof db, c: Counts) => tx.$queryRaw<{ cancel_requested: boolean }[]>`
        UPDATE imports SET rows_done = rows_done + ${current.length}, customers_created = customers_created + ${c.created},
          customers_updated = customers_updated + ${c.updated}, events_created = events_created + ${c.events},
          duplicates = duplicates + ${c.unchanged}, error_rows = error_rows + ${c.errors},
          summary = jsonb_build_object('valuesKept', coalesce((summary->>'valuesKept')::int, 0) + ${c.valuesKept}::int)
        WHERE id = ${importId}::uuid AND merchant_id = ${scope.merchantId}::uuid RETURNING cancel_requested`;
      let grew = 0;
      const cancelled = dryTx
        ? (await progress(db, await commitChunk(dryTx, db, scope, importId, actor, current)))[0]?.cancel_requested
        : await db.$transaction(async (tx) => {
            const counts = await commitChunk(tx, tx, scope, importId, actor, current);
            grew = counts.created + counts.events;
            return (await progress(tx, counts))[0]?.cancel_requested;
          }, { timeout: 120_000, maxWait: 20_000 });
      statistics.grew(grew);
      if (cancelled) throw new ImportCancelled();
      if (signal.aborted) throw new JobInterrupted();
    };
    const all = async () => {
      let n = 0;
      for await (const source of file.rows) {
        if (++n <= alreadyDone) continue;
        const parsed = parseContactRow(mapping, file.header, source, region);
        items.push(typeof parsed === "string" ? { line: source.line, cells: source.cells, reason: parsed } : parsed);
        if (items.length >= CHUNK_ROWS) await flush();
      }
      await flush();
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
