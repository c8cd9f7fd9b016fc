import "server-only";
import { createHash } from "node:crypto";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids";
import { parseTiers, pointsForPurchase } from "@/lib/loyalty/rules";
import { toCents } from "@/lib/money";
import { factsOfRow, passViewOf, savePassesSql, withStatements } from "./fold";
import { insertEventsAndFoldSql, insertEventsSql, type EventRow } from "./insert";
import { lockPasses } from "./locks";
import { applyEventTo, EMPTY_PASS, passRules, type PassFacts } from "./pass-rules";
import { resolveCustomers } from "./resolve-customers";
import { timed, timedSync } from "@/lib/platform/phase-timer";
import { passLimitError } from "./bounds";
import { VISIT_TYPES } from "./registry";
import { eventFactsOf, rollupStatements, type EventFact } from "./rollups";
import { parseEventInput, type ValidEventInput } from "./schema";
import { loadPassStates, toRecordedEvent } from "./state";
import { takenKeyOutcome, type KeyHolder } from "./taken-keys";
import type { EventError, EventSourceRef, PassState, RecordResult } from "./types";

type Tx = Prisma.TransactionClient;

export const MAX_BATCH = 1000;

/**
 * How the write path writes a validated batch. "batch" (recordEvents: the form, the API,
 * automations): idempotency keys locked first, each result with the event and the running pass.
 * "bulk" (recordEventsBulk in ./bulk, the import's chunks of thousands): the same rules, but the
 * keys are not locked — the insert skips a key taken meanwhile (ON CONFLICT DO NOTHING) and only
 * the events actually inserted are folded into the passes and rollups (./fold) — and replays are
 * not read back (see ./bulk for what its results carry).
 */
export type WriteMode = "batch" | "bulk";

/**
 * A stable hash of what was asked, to tell an idempotent replay from a different request: SHA-256
 * of the JSON with object keys sorted and `idempotencyKey` left out at every level. Stored with
 * events, so the text hashed must never change.
 */
export function requestHash(input: unknown): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

/** Integer-like keys ("0", "42"), which JavaScript objects always list first, in numeric order. */
const isIndexKey = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * JSON.stringify with sorted object keys and without `idempotencyKey`, built in one pass. Keys
 * come in the order the first implementation produced (sorted, then rebuilt into an object, which
 * puts integer-like keys first).
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined || typeof v === "function" ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  let out = "";
  const keys = Object.keys(record).sort();
  const ordered = keys.some(isIndexKey) ? [...keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndexKey(k))] : keys;
  for (const key of ordered) {
    const v = record[key];
    if (key === "idempotencyKey" || v === undefined || typeof v === "function") continue;
    out += `${out ? "," : ""}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

export interface Pending {
  index: number;
  input: ValidEventInput;
  hash: string;
}

export interface RecordOptions {
  /**
   * Run inside the caller's transaction instead of a new one: an import commits each chunk with its
   * progress, an automation its run with the events it records. The caller then owns commit and
   * rollback (and the transaction's timeout), and an unexpected failure here rolls back its work too.
   */
  tx?: Tx;
  /**
   * The customers import's opening balances (lib/imports/customers-kind.ts): a `custom` event whose
   * data carries `openingPoints` (a whole number ≥ 0) adds those points to the pass, so the pass
   * history explains a balance brought from a previous loyalty system. Only that caller sets it.
   */
  openingBalances?: boolean;
}

/**
 * THE write path. Manual entry, the POS API, imports and automations all record events here.
 * In one transaction it validates, refuses duplicates, inserts the events with their outbox row,
 * updates each pass (./pass-rules) and the rollups (./rollups). Invalid events are reported per
 * index while the valid ones are recorded; an unexpected failure rolls the whole batch back.
 */
export async function recordEvents(scope: MerchantScope, inputs: unknown[], source: EventSourceRef, options: RecordOptions = {}): Promise<RecordResult[]> {
  if (inputs.length > MAX_BATCH) throw new RangeError(`At most ${MAX_BATCH} events per batch`);
  return recordInMode(scope, inputs, source, options, "batch");
}

/** Inputs checked against the registry and its zod schemas (and hashed), not yet recorded. */
export interface ValidatedInputs {
  readonly validated: true;
  results: (RecordResult | undefined)[];
  pending: Pending[];
}

/**
 * The first step of recordEvents: each input validated and its request hashed. Pure, so the bulk
 * mode's caller can run it for the next chunk while the database records the current one.
 */
export function validateInputs(inputs: unknown[]): ValidatedInputs {
  const results: (RecordResult | undefined)[] = new Array(inputs.length);
  const pending: Pending[] = [];
  timedSync("validate", () => inputs.forEach((raw, index) => {
    const parsed = parseEventInput(raw);
    if (parsed.success) pending.push({ index, input: parsed.data, hash: requestHash(raw) });
    else results[index] = { status: "error", error: { code: "validation_error", message: parsed.message, path: parsed.path } };
  }));
  return { validated: true, results, pending };
}

/**
 * recordEvents, in either mode (./bulk calls it with "bulk"), from raw or already validated inputs.
 * `createdCustomers`, when given, is filled with the customers this call created and kept (each has
 * at least one event created here): the import lists them for its undo and its "customers created" count.
 */
export async function recordInMode(scope: MerchantScope, inputs: unknown[] | ValidatedInputs, source: EventSourceRef, options: RecordOptions, mode: WriteMode, createdCustomers?: Set<string>): Promise<RecordResult[]> {
  const { results, pending } = Array.isArray(inputs) ? validateInputs(inputs) : inputs;
  const kept = createdCustomers ?? new Set<string>();
  if (pending.length > 0 && mode === "bulk") {
    const tx = options.tx;
    if (tx) await recordBulk(tx, scope, pending, source, results, options, kept);
    else await db.$transaction((own) => recordBulk(own, scope, pending, source, results, options, kept), { timeout: 120_000, maxWait: 20_000 });
  } else if (pending.length > 0) {
    if (options.tx) await recordValid(options.tx, scope, pending, source, results, options, mode, kept);
    else {
      // The bulk mode (an import's chunk) takes no key locks: a key it inserted and had not yet
      // committed when this transaction read the keys makes our insert fail on the unique index
      // once the chunk commits. Run again, the read then finds that event: a replay or a conflict,
      // never a failed request. Each retry is caused by one more key committed meanwhile (the next
      // read finds it), so there are at most as many as the batch has keys.
      const keys = new Set(pending.flatMap((p) => (p.input.idempotencyKey ? [p.input.idempotencyKey] : []))).size;
      for (let attempt = 1; ; attempt++) {
        try {
          await db.$transaction((tx) => recordValid(tx, scope, pending, source, results, options, mode, kept), { timeout: 60_000, maxWait: 10_000 });
          break;
        } catch (error) {
          if (attempt > keys || !isIdempotencyKeyTaken(error)) throw error;
          for (const p of pending) results[p.index] = undefined;
          kept.clear();
        }
      }
    }
  }
  return results.map((r) => r ?? { status: "error", error: { code: "validation_error", message: "Event was not processed" } });
}

/** The insert hit the unique index of idempotency keys (a key committed after we read them). */
function isIdempotencyKeyTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && /23505/.test(error.message) && error.message.includes("events_merchant_id_idempotency_key_key");
}

/**
 * The bulk mode does not lock idempotency keys (see ./bulk), so a concurrent writer (the POS API)
 * can commit a key between this call's read of the existing keys and its INSERT … ON CONFLICT DO
 * NOTHING. Whatever was decided after that read from the running passes would then count an event
 * that was never inserted: a later redemption's balance check, a pass limit, a check-out's
 * duration, a customer created for that row. So each attempt runs under a savepoint, and an
 * attempt whose insert skipped a key is rolled back and run again. The skipped keys are committed
 * by then (ON CONFLICT waited for their writer), so the next attempt reads them as replays or
 * conflicts (step 1 below) and decides everything else without them. Each retry sees at least one
 * more taken key, so the loop ends; without a race (the usual case) it costs two statements.
 */
async function recordBulk(tx: Tx, scope: MerchantScope, pending: Pending[], source: EventSourceRef, results: (RecordResult | undefined)[], options: RecordOptions, kept: Set<string>) {
  for (;;) {
    await tx.$executeRaw`SAVEPOINT record_bulk`;
    const raced = await recordValid(tx, scope, pending, source, results, options, "bulk", kept);
    if (!raced) return void (await tx.$executeRaw`RELEASE SAVEPOINT record_bulk`);
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT record_bulk`;
    for (const p of pending) results[p.index] = undefined;
    kept.clear();
  }
}

/**
 * Records the validated inputs. In the bulk mode it returns true, having written nothing worth
 * keeping, when its insert found an idempotency key taken since it read them (see recordBulk).
 */
async function recordValid(tx: Tx, scope: MerchantScope, pending: Pending[], source: EventSourceRef, results: (RecordResult | undefined)[], options: RecordOptions, mode: WriteMode, kept: Set<string>): Promise<boolean> {
  const { merchantId } = scope;
  const bulk = mode === "bulk";
  const fail = (p: Pending, error: EventError) => (results[p.index] = { status: "error", error });

  // 1. Idempotency: lock each key for this transaction, so concurrent requests with the same key
  //    wait for the first and then see its event.
  const keys = [...new Set(pending.flatMap((p) => (p.input.idempotencyKey ? [p.input.idempotencyKey] : [])))].sort();
  const replays = new Map<string, KeyHolder & { id: string; hash: string | null }>();
  // The merchant's settings and locations are read in the same round trip as the locks.
  const { merchant, locations } = await timed("merchant", () => lockKeysAndLoadMerchant(tx, merchantId, bulk ? [] : keys));
  if (keys.length > 0) {
    // A separate statement from the lock on purpose: it must read with a snapshot taken after the
    // locks are granted, to see the event a concurrent holder of the key committed.
    const existing = await timed("existingKeys", () => tx.$queryRaw<{ id: string; idempotency_key: string; request_hash: string | null; customer_id: string; type: KeyHolder["type"]; custom_name: string | null }[]>`
      SELECT id::text, idempotency_key, request_hash, customer_id::text, type::text AS type, custom_name
      FROM events WHERE merchant_id = ${merchantId}::uuid AND idempotency_key = ANY(${keys}::text[])`);
    for (const e of existing) replays.set(e.idempotency_key, { id: e.id, hash: e.request_hash, customerId: e.customer_id, type: e.type, customName: e.custom_name });
  }
  const duplicateIds = new Map<number, string>();
  const fresh: Pending[] = [];
  const claimed = new Map<string, Pending>();
  // Bulk mode: inputs whose key an event holds under another body, decided once their customer is
  // resolved (./taken-keys): the till already recorded the order, or a specific error.
  const taken: { p: Pending; key: string; holder: KeyHolder & { id: string } }[] = [];
  for (const p of pending) {
    const key = p.input.idempotencyKey;
    const prior = key ? replays.get(key) : undefined;
    const inBatch = key ? claimed.get(key) : undefined;
    if (prior || inBatch) {
      const sameBody = prior ? prior.hash === p.hash : inBatch?.hash === p.hash;
      if (!sameBody && prior && key && bulk) taken.push({ p, key, holder: prior });
      else if (!sameBody) fail(p, { code: "idempotency_conflict", message: "This Idempotency-Key was already used with a different request body.", path: "idempotencyKey" });
      else if (prior) duplicateIds.set(p.index, prior.id);
      else fail(p, { code: "idempotency_conflict", message: "The same idempotencyKey appears twice in this batch.", path: "idempotencyKey" });
      continue;
    }
    if (key) claimed.set(key, p);
    fresh.push(p);
  }

  // 2. Locations first, then customers, all within this merchant: an event refused for its
  //    location must not leave a newly created customer behind.
  const located: (Pending & { locationId: string | null; locationName: string | null })[] = [];
  for (const p of fresh) {
    let location: { id: string; name: string } | undefined;
    if (p.input.location) {
      const wanted = p.input.location.toLowerCase();
      location = locations.find((l) => l.id === p.input.location || l.name.toLowerCase() === wanted);
      if (!location) {
        fail(p, { code: "unknown_location", message: `No location named “${p.input.location}”. Known: ${locations.map((l) => l.name).join(", ") || "none"}.`, path: "location" });
        continue;
      }
    }
    located.push({ ...p, locationId: location?.id ?? null, locationName: location?.name ?? null });
  }
  const creation = { audit: source.kind === "manual" ? { merchantId, userId: source.userId, label: source.userName } : undefined, via: source.kind };
  // The taken keys' customers are looked up (never created) in the same statement: one lock order.
  const refs = [...located.map((p) => ({ ref: p.input.customer, create: p.input.createCustomer === true })), ...taken.map((t) => ({ ref: t.p.input.customer, create: false }))];
  const { ids: resolvedIds, locked } = await timed("customers", () => resolveCustomers(tx, merchantId, refs, creation, { identifierLocks: !bulk }));
  const customerIds = resolvedIds.slice(0, located.length);
  taken.forEach((t, i) => {
    const outcome = takenKeyOutcome(t.key, t.holder, t.p.input, resolvedIds[located.length + i] ?? { code: "customer_not_found", message: "Customer not found" });
    if (outcome === "duplicate") duplicateIds.set(t.p.index, t.holder.id);
    else fail(t.p, outcome);
  });
  const ready: ((typeof located)[number] & { customerId: string })[] = [];
  located.forEach((p, i) => {
    const resolved = customerIds[i];
    if (typeof resolved !== "string") return void fail(p, resolved ?? { code: "customer_not_found", message: "Customer not found", path: "customer" });
    ready.push({ ...p, customerId: resolved });
  });

  // 3. The passes we change, in the pass rules' units (./pass-rules).
  const rules = passRules(parseTiers(merchant.tiers));
  // Existing customers were locked by resolveCustomers; only customers it created are locked here.
  const states = new Map<string, PassFacts>();
  const created: string[] = [];
  for (const id of new Set(ready.map((r) => r.customerId))) {
    const state = locked.get(id);
    if (state) states.set(id, factsOfRow(state));
    else created.push(id);
  }
  for (const [id, state] of await timed("lockCreated", () => lockPasses(tx, merchantId, created))) states.set(id, factsOfRow(state));

  const now = new Date();
  const recorded: { index: number; row: EventRow; locationName: string | null; pass: PassState }[] = [];
  const facts: EventFact[] = [];
  const touched = new Set<string>();
  const checkIns = new Map<string, Date>(); // open check-ins recorded earlier in this batch
  const recordedCheckIns = await openCheckIns(tx, merchantId, ready.flatMap((r) => (r.input.type === "check_out" ? [{ index: r.index, customerId: r.customerId, at: r.input.occurredAt ?? now }] : [])));
  for (const r of ready) {
    const state = states.get(r.customerId) as PassFacts;
    const occurredAt = r.input.occurredAt ?? now;
    const data = { ...r.input.data };
    let points = 0;
    if (r.input.type === "purchase") points = pointsForPurchase(r.input.amount ?? "0", merchant.pointsPerCurrency);
    if (options.openingBalances && r.input.type === "custom" && Number.isSafeInteger(data.openingPoints) && (data.openingPoints as number) >= 0) points = data.openingPoints as number;
    if (r.input.type === "redemption") {
      const cost = Number(data.pointsCost ?? 0);
      if (state.points < cost) {
        fail(r, { code: "insufficient_points", message: `Not enough points: the balance is ${state.points}, this reward costs ${cost}.`, path: "data.pointsCost" });
        continue;
      }
      points = -cost;
    }
    if (r.input.type === "check_in") checkIns.set(r.customerId, occurredAt);
    if (r.input.type === "check_out") {
      const checkIn = checkIns.get(r.customerId) ?? recordedCheckIns.get(r.index);
      if (checkIn && checkIn <= occurredAt) {
        data.durationMinutes = Math.round((occurredAt.getTime() - checkIn.getTime()) / 60_000);
        checkIns.delete(r.customerId);
      }
    }

    const amount = r.input.amount ?? null;
    const amountCents = amount === null ? null : toCents(amount);
    // A pass must stay usable: refuse what its columns could not hold (./bounds).
    const overflow = passLimitError(
      { points_balance: state.points, visit_count: state.visits },
      { points, visits: VISIT_TYPES.has(r.input.type) ? 1 : 0, newSpendCents: state.spendCents + (r.input.type === "purchase" && amountCents !== null ? amountCents : 0) },
    );
    if (overflow) {
      fail(r, overflow);
      continue;
    }
    applyEventTo(state, { type: r.input.type, source: source.kind, occurredAt: occurredAt.getTime(), amountCents, points }, rules, 1);
    touched.add(r.customerId);

    const row: EventRow = {
      id: uuidv7(now.getTime()),
      merchantId,
      customerId: r.customerId,
      type: r.input.type,
      customName: r.input.customName ?? null,
      occurredAt,
      amount: r.input.amount ?? null,
      points,
      locationId: r.locationId,
      data,
      source: source.kind,
      idempotencyKey: r.input.idempotencyKey ?? null,
      requestHash: r.input.idempotencyKey ? r.hash : null,
      recordedById: source.kind === "manual" ? source.userId : null,
      apiKeyId: source.kind === "api" ? source.apiKeyId : null,
      importId: source.kind === "import" ? source.importId : null,
      automationRunId: source.kind === "automation" ? source.automationRunId : null,
    };
    recorded.push({ index: r.index, row, locationName: r.locationName, pass: passViewOf(state) });
    facts.push({ customerId: r.customerId, type: r.input.type, occurredAt, locationId: r.locationId, amount, points });
  }

  const rows = recorded.map((r) => r.row);

  // A customer created for this batch whose every event was refused (say, a first event that is a
  // redemption) is not kept: the refusal must leave nothing behind.
  const unused = created.filter((id) => !touched.has(id));
  if (unused.length > 0) await tx.$executeRaw`DELETE FROM customers WHERE merchant_id = ${merchantId}::uuid AND id = ANY(${unused}::uuid[])`;
  for (const id of created) if (touched.has(id)) kept.add(id);

  if (source.kind === "manual" && rows.length > 0) {
    await tx.auditLog.createMany({
      data: rows.map((row) => ({ merchantId, actorUserId: source.userId, actorLabel: source.userName, action: "event.recorded", targetType: "event", targetId: row.id, details: { type: row.type, customerId: row.customerId } })),
    });
  }
  // Two statements: the events, then the passes and both rollups (the daily upsert last: it is
  // the hottest lock we take). The insert is most of a batch's database time, so it is sent first
  // and the rest of the work here (the second statement, the results) is done while it runs.
  if (rows.length > 0 && bulk) {
    // One statement inserts the chunk, saves the passes computed above and folds both rollups from
    // the inserted rows: exactly what the batch mode writes. A key taken by a concurrent writer since
    // step 1 (fewer rows back): this whole attempt is undone to its savepoint and redone (recordBulk),
    // so no pass, rollup, redemption or created customer counts an event never recorded.
    const passes = new Map([...touched].map((id) => [id, states.get(id) as PassFacts]));
    const [inserted] = await timed("insert", () => tx.$queryRaw<{ inserted: number }[]>(insertEventsAndFoldSql(rows, uuidv7(now.getTime()), (events) => [
      savePassesSql(merchantId, passes), ...rollupStatements(merchantId, merchant.timeZone, events, 1),
    ])));
    if ((inserted?.inserted ?? 0) < rows.length) return true;
    for (const c of recorded) {
      const pass = passes.get(c.row.customerId);
      results[c.index] = { status: "created", event: toRecordedEvent({ ...c.row, locationName: c.locationName }), pass: pass ? passViewOf(pass) : c.pass };
    }
  } else if (rows.length > 0) {
    const inserting = sendNow(tx.$executeRaw(insertEventsSql(rows, uuidv7(now.getTime()))));
    await yieldToIo(); // lets the client put the insert on the wire before the synchronous work below
    const passes = new Map([...touched].map((id) => [id, states.get(id) as PassFacts]));
    const updates = [savePassesSql(merchantId, passes), ...rollupStatements(merchantId, merchant.timeZone, eventFactsOf(facts), 1)];
    for (const c of recorded) {
      results[c.index] = { status: "created", event: toRecordedEvent({ ...c.row, locationName: c.locationName }), pass: c.pass };
    }
    await inserting;
    await tx.$executeRaw(withStatements(updates));
  }

  // Replays answer with the original event and the pass as it is now. The bulk mode does not read
  // them back (a re-imported file is all replays): recordEventsBulk reports only their status.
  if (duplicateIds.size > 0 && bulk) {
    for (const [index, id] of duplicateIds) {
      results[index] = { status: "duplicate", event: toRecordedEvent({ id, type: "visit", customerId: "", occurredAt: now, data: {}, source: source.kind, locationName: null }), pass: passViewOf(EMPTY_PASS) };
    }
  } else if (duplicateIds.size > 0) {
    const originals = await tx.event.findMany({ where: { merchantId, id: { in: [...duplicateIds.values()] } }, include: { location: { select: { name: true } } } });
    const passStates = await loadPassStates(tx, merchantId, [...new Set(originals.map((e) => e.customerId))], { lock: false });
    for (const [index, id] of duplicateIds) {
      const original = originals.find((e) => e.id === id);
      const pass = original && passStates.get(original.customerId);
      if (original && pass) {
        results[index] = { status: "duplicate", event: toRecordedEvent({ ...original, amount: original.amount?.toFixed(2) ?? null, data: original.data as Record<string, unknown>, locationName: original.location?.name ?? null }), pass: passViewOf(factsOfRow(pass)) };
      }
    }
  }
  return false;
}

/**
 * Starts a Prisma query now (its promises are lazy: they run when first awaited) and returns a
 * plain promise; a rejection is observed by whoever awaits it, and never reported as unhandled
 * before that.
 */
function sendNow<T>(query: PromiseLike<T>): Promise<T> {
  const sent = Promise.resolve(query);
  sent.catch(() => undefined);
  return sent;
}

/** Lets pending promise callbacks and socket writes run before more synchronous work. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * For each check-out, the customer's latest check-in at or before it (within 24 hours) with no
 * check-out in between, from what is already recorded: one query for the whole batch.
 */
async function openCheckIns(tx: Tx, merchantId: string, checkOuts: { index: number; customerId: string; at: Date }[]): Promise<Map<number, Date>> {
  if (checkOuts.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ i: number; occurred_at: Date }[]>`
    SELECT q.i::int AS i, ci.occurred_at
    FROM unnest(${checkOuts.map((c) => c.index)}::int[], ${checkOuts.map((c) => c.customerId)}::uuid[], ${checkOuts.map((c) => c.at)}::timestamptz[]) AS q(i, customer_id, before)
    CROSS JOIN LATERAL (
      SELECT ci.occurred_at FROM events ci
      WHERE ci.merchant_id = ${merchantId}::uuid AND ci.customer_id = q.customer_id AND ci.type = 'check_in'
        AND ci.voided_at IS NULL AND ci.occurred_at <= q.before AND ci.occurred_at > q.before - interval '24 hours'
        AND NOT EXISTS (
          SELECT 1 FROM events co WHERE co.merchant_id = ci.merchant_id AND co.customer_id = ci.customer_id AND co.type = 'check_out'
            AND co.voided_at IS NULL AND co.occurred_at >= ci.occurred_at AND co.occurred_at <= q.before)
      ORDER BY ci.occurred_at DESC LIMIT 1) AS ci`;
  return new Map(rows.map((r) => [r.i, r.occurred_at]));
}

/**
 * Takes the transaction-scoped advisory lock of each idempotency key (in key order), and reads the
 * merchant's settings and locations, in one round trip.
 */
async function lockKeysAndLoadMerchant(tx: Tx, merchantId: string, sortedKeys: string[]) {
  const [row] = await tx.$queryRaw<{ points_per_currency: string; tiers: unknown; time_zone: string; locations: { id: string; name: string }[] }[]>`
    SELECT (SELECT count(pg_advisory_xact_lock(hashtextextended(${merchantId}::text || ':' || k, 0)))::int
            FROM (SELECT k FROM unnest(${sortedKeys}::text[]) AS k ORDER BY k) AS ordered) AS locked,
           m.points_per_currency::text AS points_per_currency, m.tiers, m.time_zone,
           coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name)) FROM locations l WHERE l.merchant_id = m.id), '[]'::json) AS locations
    FROM merchants m WHERE m.id = ${merchantId}::uuid`;
  if (!row) throw new Error(`Merchant ${merchantId} not found`);
  return { merchant: { pointsPerCurrency: row.points_per_currency, tiers: row.tiers, timeZone: row.time_zone }, locations: row.locations };
}
