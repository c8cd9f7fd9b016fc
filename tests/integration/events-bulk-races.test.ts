// The bulk mode (recordEventsBulk, what imports use) racing the POS API (recordEvents) on real
// PostgreSQL, with the interleavings forced rather than hoped for: the API's transaction is held
// open (its idempotency key inserted, its pass locked, not committed) while the bulk call runs,
// and is committed only once the bulk call's backend is seen waiting on a lock — i.e. after the
// bulk mode has read the existing keys and before its INSERT … ON CONFLICT DO NOTHING. Afterwards:
// every event counted once, the key reported as a duplicate, no customer left behind for a row
// that was skipped, no redemption admitted on points that were never recorded, and every pass and
// both rollups equal to a recomputation from the events. The other way round, a bulk call's
// transaction is held open (keys inserted, a new customer created) while the API posts the same
// key or creates the same customer: the API gets a replay, a conflict or that customer, never an
// error.
import { describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordEventsBulk, type BulkResult } from "@/lib/events/bulk";
import { recordEvents } from "@/lib/events/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { expectPassesAndRollupsExact } from "../support/exact";
import { createContext } from "../support/factories";

vi.setConfig({ testTimeout: 120_000 });

type Tx = Prisma.TransactionClient;
const at = (minutes: number) => new Date(Date.UTC(2025, 4, 1, 9, 0) + minutes * 60_000).toISOString();
const api = (context: MerchantContext) => ({ kind: "api" as const, apiKeyId: context.user.id, apiKeyName: "till" });
const importSource = { kind: "import" as const, importId: "00000000-0000-7000-8000-000000000000" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` in a transaction that stays open (locks held, nothing committed) until released. */
function heldOpen<T>(work: (tx: Tx) => Promise<T>) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let done!: (value: T) => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<T>((resolve, reject) => ((done = resolve), (failed = reject)));
  const committed = db.$transaction(
    async (tx) => {
      const value = await work(tx).catch((error: unknown) => (failed(error), Promise.reject(error)));
      done(value);
      await gate;
      return value;
    },
    { timeout: 60_000 },
  );
  committed.catch(() => undefined);
  return { ready, release, committed };
}

/** A bulk call in its own transaction, with its backend's pid known before it starts. */
function bulkCall(context: MerchantContext, inputs: unknown[]) {
  let pidOf!: (pid: number) => void;
  const pid = new Promise<number>((resolve) => (pidOf = resolve));
  const results = db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      pidOf(row!.pid);
      return recordEventsBulk(context, inputs, importSource, tx);
    },
    { timeout: 60_000 },
  );
  results.catch(() => undefined);
  return { pid, results };
}

/** Resolves once `count` backends wait for a lock that backend `holder` holds. */
async function waitingFor(holder: number, count: number) {
  for (let i = 0; i < 1000; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid))`;
    if ((row?.n ?? 0) >= count) return;
    await sleep(10);
  }
  throw new Error(`fewer than ${count} backends waited for backend ${holder}`);
}

const backendPid = async (tx: Tx) => (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;

/** Resolves once backend `pid` waits for a lock (a row lock, or another transaction's key). */
async function blockedOnALock(pid: number) {
  for (let i = 0; i < 1000; i++) {
    const [row] = await db.$queryRaw<{ waiting: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = ${pid} AND NOT granted) AS waiting`;
    if (row?.waiting) return;
    await sleep(10);
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}

const statusOf = (r: BulkResult) => (r.status === "error" ? r.error.code : r.status);

async function knownCustomer(context: MerchantContext, serial: string) {
  const [r] = await recordEvents(context, [{ type: "visit", customer: { passSerial: serial }, createCustomer: true, occurredAt: at(0) }], api(context));
  if (r?.status !== "created") throw new Error("setup failed");
  return r.event.customerId;
}

describe("the bulk mode racing the API", () => {
  it("(a, c) a key the API commits between the bulk call's key read and its insert is one event, a duplicate, and its points are not spent", async () => {
    const context = await createContext("owner");
    await knownCustomer(context, "R-1");
    const purchase = { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(10), amount: "10.00", idempotencyKey: "till-order-1" };
    // The API records the order (10 points) and keeps its transaction open: key taken, pass locked.
    const pos = heldOpen((tx) => recordEvents(context, [purchase], api(context), { tx }));
    expect((await pos.ready)[0]?.status).toBe("created");
    // The import has the same order, then a redemption of 15 points: with the order counted once the
    // balance is 10, so the redemption must be refused.
    const bulk = bulkCall(context, [purchase, { type: "redemption", customer: { passSerial: "R-1" }, occurredAt: at(20), data: { reward: "Cake", pointsCost: 15 } }]);
    await blockedOnALock(await bulk.pid); // it has read the existing keys (not seeing ours) and waits for the pass
    pos.release();
    await pos.committed;
    const results = await bulk.results;
    expect(results.map(statusOf)).toEqual(["duplicate", "insufficient_points"]);
    expect(await db.event.count({ where: { merchantId: context.merchantId, idempotencyKey: "till-order-1" } })).toBe(1);
    expect(await db.event.count({ where: { merchantId: context.merchantId, type: "redemption" } })).toBe(0);
    const pass = await db.customerPass.findFirstOrThrow({ where: { merchantId: context.merchantId, customer: { passSerial: "R-1" } } });
    expect(pass.pointsBalance).toBe(10);
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("(a, c) an order the till commits under its own body between the bulk call's key read and its insert: the redo finds it for the same customer and type, a duplicate", async () => {
    const context = await createContext("owner");
    await knownCustomer(context, "R-1");
    const till = { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(10), amount: "10.00", idempotencyKey: "till-order-1", data: { items: 2 } };
    const pos = heldOpen((tx) => recordEvents(context, [till], api(context), { tx }));
    expect((await pos.ready)[0]?.status).toBe("created");
    // The file's row of that order has another body (its own time and amount text, no items).
    const bulk = bulkCall(context, [
      { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(11), amount: "10", idempotencyKey: "till-order-1" },
      { type: "redemption", customer: { passSerial: "R-1" }, occurredAt: at(20), data: { reward: "Cake", pointsCost: 15 } },
    ]);
    await blockedOnALock(await bulk.pid);
    pos.release();
    await pos.committed;
    expect((await bulk.results).map(statusOf)).toEqual(["duplicate", "insufficient_points"]);
    expect(await db.event.count({ where: { merchantId: context.merchantId, idempotencyKey: "till-order-1" } })).toBe(1);
    const pass = await db.customerPass.findFirstOrThrow({ where: { merchantId: context.merchantId, customer: { passSerial: "R-1" } } });
    expect(pass.pointsBalance).toBe(10);
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("(a, c) a key the API holds for another customer: the bulk insert waits for it, then reports a conflict, counts nothing twice and spends nothing it did not record", async () => {
    const context = await createContext("owner");
    await knownCustomer(context, "R-1");
    await knownCustomer(context, "R-2");
    // The API uses the key for R-2; the import (another body) for R-1, then redeems R-1's points.
    const pos = heldOpen((tx) => recordEvents(context, [{ type: "purchase", customer: { passSerial: "R-2" }, occurredAt: at(10), amount: "3.00", idempotencyKey: "shared-key" }], api(context), { tx }));
    await pos.ready;
    const bulk = bulkCall(context, [
      { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(10), amount: "20.00", idempotencyKey: "shared-key" },
      { type: "redemption", customer: { passSerial: "R-1" }, occurredAt: at(20), data: { reward: "Cake", pointsCost: 15 } },
      { type: "visit", customer: { passSerial: "R-1" }, occurredAt: at(30), idempotencyKey: "other-key" },
    ]);
    await blockedOnALock(await bulk.pid); // in its INSERT, on the API's uncommitted key
    pos.release();
    await pos.committed;
    const results = await bulk.results;
    expect(results.map(statusOf)).toEqual(["idempotency_conflict", "insufficient_points", "created"]);
    expect(results[0]?.status === "error" && results[0].error.message).toBe("Order id shared-key is already recorded for another customer.");
    expect(await db.event.count({ where: { merchantId: context.merchantId, idempotencyKey: "shared-key" } })).toBe(1);
    const r1 = await db.customerPass.findFirstOrThrow({ where: { merchantId: context.merchantId, customer: { passSerial: "R-1" } } });
    expect(r1).toMatchObject({ pointsBalance: 0, visitCount: 2 });
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("(b) a customer the bulk call created for a row whose key the API took meanwhile is not left behind", async () => {
    const context = await createContext("owner");
    await knownCustomer(context, "R-2");
    // The API records the first sale of a new customer (creating NEW-1) and a sale of R-2 under the
    // key "k2", and holds its transaction.
    const sale = { type: "purchase", customer: { passSerial: "NEW-1", name: "Nia" }, createCustomer: true, occurredAt: at(10), amount: "5.00", idempotencyKey: "first-sale" };
    const pos = heldOpen((tx) => recordEvents(context, [sale, { type: "purchase", customer: { passSerial: "R-2" }, occurredAt: at(10), amount: "4.00", idempotencyKey: "k2" }], api(context), { tx }));
    await pos.ready;
    // The import has the same first sale, and a new customer NEW-2 whose only row uses "k2".
    const bulk = bulkCall(context, [sale, { type: "purchase", customer: { passSerial: "NEW-2" }, createCustomer: true, occurredAt: at(11), amount: "6.00", idempotencyKey: "k2" }]);
    await blockedOnALock(await bulk.pid);
    pos.release();
    await pos.committed;
    const results = await bulk.results;
    expect(results.map(statusOf)).toEqual(["duplicate", "idempotency_conflict"]);
    // One NEW-1 (the API's), and no NEW-2: its only row was refused.
    const customers = await db.customer.findMany({ where: { merchantId: context.merchantId }, select: { passSerial: true }, orderBy: { passSerial: "asc" } });
    expect(customers.map((c) => c.passSerial)).toEqual(["NEW-1", "R-2"]);
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("(a, the other way) the API posting a key the bulk call has inserted but not committed gets a duplicate (or a conflict), not a failure", async () => {
    const context = await createContext("owner");
    await knownCustomer(context, "R-1");
    await knownCustomer(context, "R-2");
    const purchase = { type: "purchase", customer: { passSerial: "R-1" }, occurredAt: at(10), amount: "10.00", idempotencyKey: "till-order-1" };
    const other = { type: "purchase", customer: { passSerial: "R-2" }, occurredAt: at(10), amount: "1.00", idempotencyKey: "till-order-2" };
    // The import records both orders and holds its chunk's transaction open.
    const chunk = heldOpen(async (tx) => ({ pid: await backendPid(tx), results: await recordEventsBulk(context, [purchase, { ...other, customer: { passSerial: "R-1" } }], importSource, tx) }));
    const { pid, results } = await chunk.ready;
    expect(results.map(statusOf)).toEqual(["created", "created"]);
    // The till posts the same first order (waits for R-1's pass), and the second key for R-2 (waits
    // on the key in the unique index): both read the keys before the import commits.
    const same = recordEvents(context, [purchase], api(context));
    const conflicting = recordEvents(context, [other], api(context));
    same.catch(() => undefined);
    conflicting.catch(() => undefined);
    await waitingFor(pid, 2);
    chunk.release();
    await chunk.committed;
    expect((await same)[0]?.status).toBe("duplicate");
    const refused = (await conflicting)[0];
    expect(refused?.status === "error" ? refused.error.code : refused?.status).toBe("idempotency_conflict");
    expect(await db.event.count({ where: { merchantId: context.merchantId, type: "purchase" } })).toBe(2);
    await expectPassesAndRollupsExact(context.merchantId);
  });

  it("the API creating a customer that a bulk call has created but not committed records the sale for that customer, not a conflict", async () => {
    const context = await createContext("owner");
    const chunk = heldOpen(async (tx) => ({
      pid: await backendPid(tx),
      results: await recordEventsBulk(context, [{ type: "visit", customer: { passSerial: "NEW-9", name: "Noor" }, createCustomer: true, occurredAt: at(5) }], importSource, tx),
    }));
    const { pid, results } = await chunk.ready;
    expect(results).toEqual([expect.objectContaining({ status: "created", newCustomer: true })]);
    // The till's first sale for the same new card: it finds no customer, creates one, and waits on
    // the pass serial the chunk holds.
    const sale = recordEvents(context, [{ type: "purchase", customer: { passSerial: "NEW-9" }, createCustomer: true, occurredAt: at(10), amount: "8.00" }], api(context));
    sale.catch(() => undefined);
    await waitingFor(pid, 1);
    chunk.release();
    await chunk.committed;
    const [recorded] = await sale;
    expect(recorded?.status).toBe("created");
    const customers = await db.customer.findMany({ where: { merchantId: context.merchantId } });
    expect(customers).toHaveLength(1);
    expect(recorded?.status === "created" && recorded.event.customerId).toBe(customers[0]!.id);
    await expectPassesAndRollupsExact(context.merchantId);
  });
});
