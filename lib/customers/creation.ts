import "server-only";
// THE customer creation policy, for the counter's "Add new customer" and for the write path
// (createCustomer: true on an event, imports): refused when an identifier belongs to someone
// deleted on request, or the email already belongs to a customer; a generated pass serial when none
// is given; an audit line when a person (not a machine) created it. Set-based: one suppression
// query, one duplicate-email query and one multi-row INSERT for the whole batch, whatever its size.
import { randomBytes } from "node:crypto";
import type { AuditActor } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids";
import { timed, timedSync } from "@/lib/platform/phase-timer";
import { merchantRegion, suppressionCandidates, type SuppressionKind } from "./suppression";

type Tx = Prisma.TransactionClient;

const SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud at a counter

/** A new pass serial: PC- and 10 characters from a 32-letter alphabet (32^10 ≈ 10^15). */
export function generatePassSerial(prefix = "PC"): string {
  const bytes = randomBytes(10);
  let body = "";
  for (const byte of bytes) body += SERIAL_ALPHABET[byte % SERIAL_ALPHABET.length];
  return `${prefix}-${body}`;
}

export interface NewCustomerRow {
  name?: string | null;
  /** Lower-cased already (the input schemas do it). */
  email?: string | null;
  phone?: string | null;
  externalId?: string | null;
  /** Generated when absent. */
  passSerial?: string | null;
}

export type CreationOutcome =
  | { status: "created"; id: string; passSerial: string }
  | { status: "suppressed"; kind: SuppressionKind }
  | { status: "email_taken"; existing: { name: string | null; passSerial: string } }
  | { status: "identifier_taken"; kind: "passSerial" | "externalId" };

/** Per row, the kind of its first identifier that belongs to someone deleted on request (one query). */
export async function suppressedKinds(tx: Tx, merchantId: string, rows: NewCustomerRow[]): Promise<(SuppressionKind | null)[]> {
  if (rows.length === 0) return [];
  // Most merchants have no deletion block in force: then nothing is hashed (an import creating
  // 100,000 customers spent seconds on HMACs and on a query naming 200,000 hashes).
  const [blocks] = await tx.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM customer_suppressions WHERE merchant_id = ${merchantId}::uuid AND lifted_at IS NULL) AS any`;
  if (!blocks?.any) return rows.map(() => null);
  const region = rows.some((row) => row.phone) ? await merchantRegion(tx, merchantId) : undefined;
  const hashes = timedSync("suppression.hash", () => rows.map((row) => suppressionCandidates(merchantId, { passSerial: row.passSerial, email: row.email, externalId: row.externalId, phone: row.phone }, region)));
  const all = [...new Set(hashes.flat().map((h) => h.hash))];
  if (all.length === 0) return rows.map(() => null);
  const suppressed = new Set((await tx.$queryRaw<{ identifier_hash: string }[]>`
    SELECT identifier_hash FROM customer_suppressions
    WHERE merchant_id = ${merchantId}::uuid AND lifted_at IS NULL AND identifier_hash = ANY(${all}::text[])`).map((r) => r.identifier_hash));
  return hashes.map((mine) => mine.find((h) => suppressed.has(h.hash))?.kind ?? null);
}

/** A generated serial that collides is drawn again, for that customer only; this many times at most. */
const SERIAL_ATTEMPTS = 5;

/**
 * Creates these customers (each with an empty pass) and says per row what happened. Never throws
 * for an expected refusal, so one refused row never aborts the batch. `audit` is the person who
 * created them, when a person did; `via` says where (record screen, API, import).
 */
export async function createCustomers(
  tx: Tx,
  merchantId: string,
  rows: NewCustomerRow[],
  options: { audit?: AuditActor; via: string; /** Tests force collisions with it. */ nextSerial?: () => string },
): Promise<CreationOutcome[]> {
  const nextSerial = options.nextSerial ?? generatePassSerial;
  const out: (CreationOutcome | undefined)[] = new Array(rows.length);
  if (rows.length === 0) return [];

  // 1. Deleted on request: one query for every identifier of every row.
  (await suppressedKinds(tx, merchantId, rows)).forEach((kind, i) => {
    if (kind) out[i] = { status: "suppressed", kind };
  });

  // 2. An email that already belongs to a customer: pick that customer instead of a second pass.
  const emails = [...new Set(rows.flatMap((row, i) => (out[i] || !row.email ? [] : [row.email.toLowerCase()])))];
  if (emails.length > 0) {
    const taken = await tx.$queryRaw<{ email: string; name: string | null; pass_serial: string }[]>`
      SELECT DISTINCT ON (lower(email)) lower(email) AS email, name, pass_serial FROM customers
      WHERE merchant_id = ${merchantId}::uuid AND lower(email) = ANY(${emails}::text[]) ORDER BY lower(email), id`;
    const byEmail = new Map(taken.map((t) => [t.email, t]));
    rows.forEach((row, i) => {
      const hit = !out[i] && row.email ? byEmail.get(row.email.toLowerCase()) : undefined;
      if (hit) out[i] = { status: "email_taken", existing: { name: hit.name, passSerial: hit.pass_serial } };
    });
  }

  // 3. One multi-row insert of customers and their passes. A row that hits a unique key is skipped
  //    (ON CONFLICT DO NOTHING, so the transaction lives on); a generated serial is drawn again.
  let pending = rows.flatMap((row, index) => (out[index] ? [] : [{ index, row, id: uuidv7(), serial: row.passSerial ?? nextSerial(), generated: !row.passSerial }]));
  for (let attempt = 1; pending.length > 0; attempt++) {
    const json = JSON.stringify(pending.map((p) => ({ id: p.id, name: p.row.name ?? null, email: p.row.email ?? null, phone: p.row.phone ?? null, external_id: p.row.externalId ?? null, pass_serial: p.serial })));
    const inserted = await timed("customers.insert", () => tx.$queryRaw<{ id: string }[]>`
      WITH inserted AS (
        INSERT INTO customers (id, merchant_id, name, email, phone, external_id, pass_serial)
        SELECT id, ${merchantId}::uuid, name, email, phone, external_id, pass_serial
        FROM json_to_recordset(${json}::json) AS x(id uuid, name text, email text, phone text, external_id text, pass_serial text)
        -- Rows go in by their identifiers, not their (per-transaction) ids: two writers creating
        -- some of the same new customers at once (an import's chunk takes no identifier locks,
        -- lib/events/resolve-customers.ts) then meet on the unique keys in the same order, one
        -- waiting for the other, instead of each holding a key the other waits for (40P01).
        ORDER BY external_id, pass_serial
        ON CONFLICT DO NOTHING
        RETURNING id
      ), passes AS (
        INSERT INTO customer_passes (merchant_id, customer_id) SELECT ${merchantId}::uuid, id FROM inserted
      )
      SELECT id::text FROM inserted`);
    const done = new Set(inserted.map((r) => r.id));
    const failed = pending.filter((p) => !done.has(p.id));
    const serialsTaken = failed.length === 0 ? new Set<string>() : new Set((await tx.$queryRaw<{ pass_serial: string }[]>`
      SELECT pass_serial FROM customers WHERE merchant_id = ${merchantId}::uuid AND pass_serial = ANY(${failed.map((p) => p.serial)}::text[])`).map((r) => r.pass_serial));
    const retry: typeof pending = [];
    for (const p of pending) {
      if (done.has(p.id)) out[p.index] = { status: "created", id: p.id, passSerial: p.serial };
      else if (!serialsTaken.has(p.serial)) out[p.index] = { status: "identifier_taken", kind: "externalId" };
      else if (p.generated && attempt < SERIAL_ATTEMPTS) retry.push({ ...p, serial: nextSerial() });
      else out[p.index] = { status: "identifier_taken", kind: "passSerial" };
    }
    pending = retry;
  }

  const created = out.flatMap((o) => (o?.status === "created" ? [o] : []));
  if (options.audit && created.length > 0) {
    const actor = options.audit;
    await tx.auditLog.createMany({
      data: created.map((c) => ({
        merchantId, actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null, actorLabel: actor.label,
        action: "customer.created", targetType: "customer", targetId: c.id, details: { via: options.via },
      })),
    });
  }
  return out as CreationOutcome[];
}
