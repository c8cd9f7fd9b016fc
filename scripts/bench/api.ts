// `npm run bench -- api [--seconds 30] [--clients 20] [--batches 20] [--batch-clients 1] [--report-triggers on|sync|off|compare]`
// The POS API against the production build (run `next build` first) on a throw-away embedded
// database with the demo data: (a) single-event POSTs from N concurrent clients, (b) batches of
// 1,000 events, (c) the same kind of rows through plain 1,000-row INSERT statements, as the
// reference for what the database itself can do, (d) single events again while 2 more clients
// send invalid bodies (NUL characters, lone surrogates, deep nesting) on the same key, and (e)
// the reference for single events: one-row INSERTs of the same rows through a pool of N
// connections, one transaction each. Rate limits are lifted for the run.
// --batch-clients N sends N batches at a time and runs the INSERT reference on N connections, so
// the two stay comparable; 1 (the default) is the definition.
// --report-triggers: how the events triggers keep the report rollups (migration 20261203040000):
// on (queue the deltas, folded later: what production does), sync (fold in the recording
// statement: the old way), off (no report work at all), or compare: (a) and (b) once per mode in
// this run, on the same database and app, and the time it takes to fold what the queue collected.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort, startEmbeddedPostgres, tempDataDir } from "../../lib/platform/embedded-postgres";
import { applyMigrations } from "../../lib/platform/migrations";
import { seedDemoData } from "../../lib/seed/load";
import { closedLoop, httpClient, percentile, startApp, stopApp, treeCpuSeconds, waitFor, type LoadResult } from "./support/load";

const KEY = "pc_demo_brewbean_0123456789abcdef";
const BATCH = 1000;

interface Row { phase: string; events: number; seconds: number; p50: number; p99: number; failures: number; appCpuMs: number; dbCpuMs: number }

export default async function benchApi(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: "string", default: "30" }, clients: { type: "string", default: "20" }, batches: { type: "string", default: "20" }, "batch-clients": { type: "string", default: "1" }, profile: { type: "string" }, "report-triggers": { type: "string", default: "on" } } });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const batches = Number(values.batches);
  const batchClients = Number(values["batch-clients"]);
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first.");

  const log = (line: string) => console.log(`[bench] ${line}`);
  const database = await startEmbeddedPostgres({ dataDir: tempDataDir("bench"), ephemeral: true });
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  let app: ReturnType<typeof startApp> | undefined;
  try {
    await applyMigrations(database.url);
    log("loading demo data…");
    await seedDemoData(database.url, { log });
    const modes = reportModes(values["report-triggers"]);
    await setReportMode(pool, modes[0] ?? "on");
    const port = await freePort();
    app = startApp({
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NODE_ENV: "production",
      PUNCHCARD_API_RATE_LIMIT_OVERRIDE: "1000000",
    }, values.profile);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/openapi.json`, 120_000, app);

    const { rows: [merchant] } = await pool.query<{ id: string; key_id: string }>(
      "SELECT m.id, k.id AS key_id FROM merchants m JOIN api_keys k ON k.merchant_id = m.id WHERE k.prefix = $1", [KEY.slice(0, 16)]);
    if (!merchant) throw new Error("the demo seed has no Brew & Bean API key");
    const { rows: customers } = await pool.query<{ id: string; pass_serial: string }>("SELECT id::text, pass_serial FROM customers WHERE merchant_id = $1", [merchant.id]);
    const { rows: locations } = await pool.query<{ id: string; name: string }>("SELECT id::text, name FROM locations WHERE merchant_id = $1", [merchant.id]);
    log(`${customers.length} customers, ${locations.length} locations; ${clients} clients × ${seconds} s, then ${batches} batches of ${BATCH}`);

    const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
    const run = randomUUID().slice(0, 8);
    const purchase = (i: number, prefix: string) => ({
      type: "purchase",
      customer: { passSerial: pick(customers).pass_serial },
      amount: (1 + Math.floor(Math.random() * 5000) / 100).toFixed(2),
      location: pick(locations).name,
      data: { items: 1 + (i % 5) },
      idempotencyKey: `${prefix}-${run}-${i}`,
    });
    const client = httpClient(base, Math.max(clients, 2));
    const headers = { authorization: `Bearer ${KEY}` };
    const results: Row[] = [];
    let garbageRefused = { requests: 0, failures: 0 };
    // CPU per event is the number to compare between runs on a shared machine: wall-clock rates
    // move with whatever else runs, CPU per event moves with our code.
    const appPid = app.pid ?? 0;
    const cpu = () => {
      const app = treeCpuSeconds(appPid);
      const own = process.cpuUsage();
      return { app, db: treeCpuSeconds(process.pid) - app - (own.user + own.system) / 1e6 };
    };
    let before = cpu();
    const summarise = (phase: string, events: number, load: LoadResult) => {
      const after = cpu();
      results.push({
        phase, events, seconds: load.seconds, p50: percentile(load.latenciesMs, 50), p99: percentile(load.latenciesMs, 99), failures: load.failures.length,
        appCpuMs: ((after.app - before.app) * 1000) / events, dbCpuMs: ((after.db - before.db) * 1000) / events,
      });
      before = after;
      for (const failure of load.failures.slice(0, 3)) log(`${phase}: HTTP ${failure.status} ${failure.body}`);
    };

    log("warming up…");
    await closedLoop({ clients, seconds: 3, send: (i) => client.send("POST", "/api/v1/events", headers, JSON.stringify(purchase(i, "warm"))), ok: (r) => r.status === 201 });

    // The framework's own ceiling: a route handler that refuses the request before any database
    // work (no API key → 401). Single events cannot go faster than this.
    log("floor: POST without a key (no database work)…");
    before = cpu();
    const floor = await closedLoop({ clients, seconds: Math.min(5, seconds), send: () => client.send("POST", "/api/v1/events", {}, "{}"), ok: (r) => r.status === 401 });
    summarise(`floor: 401 without key, ${clients} clients`, floor.requests, floor);

    for (const mode of modes) {
      await setReportMode(pool, mode);
      const tag = modes.length > 1 ? ` [reports ${mode}]` : "";
      log(`(a) single events${tag}…`);
      before = cpu();
      const single = await closedLoop({ clients, seconds, send: (i) => client.send("POST", "/api/v1/events", headers, JSON.stringify(purchase(i, `single-${mode}`))), ok: (r) => r.status === 201 });
      summarise(`single POST, ${clients} clients${tag}`, single.requests, single);

      log(`(b) batches${tag}…`);
      const batchBodies = Array.from({ length: batches }, (_, b) => JSON.stringify({ events: Array.from({ length: BATCH }, (_, i) => purchase(b * BATCH + i, `batch-${mode}`)) }));
      before = cpu();
      const batched = await closedLoop({
        clients: batchClients, seconds: 3600, maxRequests: batches,
        send: (i) => client.send("POST", "/api/v1/events", headers, batchBodies[i] ?? ""),
        ok: (r) => r.status === 200 && !r.body.includes("\"status\":\"error\""),
      });
      summarise(`batch POST, ${BATCH}/request, ${batchClients} at a time${tag}`, batched.requests * BATCH, batched);

      if (mode === "on") {
        // The queued deltas still have to be folded (a report read or the job does it): timed
        // here, per queued event, so "on" is judged with its deferred work included.
        const { rows: [queue] } = await pool.query<{ n: string }>("SELECT coalesce(sum(cardinality(deltas)), 0) AS n FROM report_pending WHERE merchant_id = $1", [merchant.id]);
        const t0 = performance.now();
        before = cpu();
        await pool.query("SELECT report_rollups_fold($1)", [merchant.id]);
        const ms = performance.now() - t0;
        summarise(`fold of the queued report deltas${tag}`, Math.max(1, Number(queue?.n ?? 0)), { requests: 1, seconds: ms / 1000, latenciesMs: [ms], failures: [] });
      }
    }
    await setReportMode(pool, "on");

    log("(c) plain INSERT reference…");
    before = cpu();
    const insert = await closedLoop({
      clients: batchClients, seconds: 3600, maxRequests: batches,
      send: async (b) => {
        const params: unknown[] = [];
        const tuples: string[] = [];
        for (let i = 0; i < BATCH; i++) {
          const c = pick(customers);
          const amount = (1 + Math.floor(Math.random() * 5000) / 100).toFixed(2);
          const n = params.push(randomUUID(), merchant.id, c.id, new Date(), amount, Math.floor(Number(amount)), pick(locations).id, JSON.stringify({ items: 1 + (i % 5) }), `plain-${run}-${b}-${i}`, merchant.key_id);
          const p = (k: number) => `$${n - 10 + k}`;
          tuples.push(`(${p(1)}, ${p(2)}, ${p(3)}, 'purchase', ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, 'api', ${p(9)}, ${p(10)})`);
        }
        await pool.query(`INSERT INTO events (id, merchant_id, customer_id, type, occurred_at, amount, points, location_id, data, source, idempotency_key, api_key_id) VALUES ${tuples.join(", ")}`, params);
        return { status: 200, body: "" };
      },
      ok: () => true,
    });
    summarise(`plain INSERT, ${BATCH} rows/statement, ${batchClients} conn.`, insert.requests * BATCH, insert);

    // (d) Bad requests must be refused before the expensive work, so they cannot slow the rest.
    log("(d) single events with garbage…");
    const garbage = garbageBodies(pick(customers).pass_serial);
    const garbageClient = httpClient(base, 2);
    before = cpu();
    const [valid, refused] = await Promise.all([
      closedLoop({ clients, seconds, send: (i) => client.send("POST", "/api/v1/events", headers, JSON.stringify(purchase(i, "mixed"))), ok: (r) => r.status === 201 }),
      closedLoop({ clients: 2, seconds, send: (i) => garbageClient.send("POST", "/api/v1/events", { ...headers, "idempotency-key": "garbage-retry" }, garbage[i % garbage.length] ?? "{}"), ok: (r) => r.status === 422 }),
    ]);
    summarise(`single POST, ${clients} clients + 2 sending garbage`, valid.requests, valid);
    garbageClient.close();
    garbageRefused = { requests: refused.requests, failures: refused.failures.length };

    // (e) What a single event is judged against: the same rows, one INSERT per transaction.
    log("(e) single-row INSERT reference…");
    const singlePool = new pg.Pool({ connectionString: database.url, max: clients });
    before = cpu();
    const singleInsert = await closedLoop({
      clients, seconds,
      send: async (i) => {
        const c = pick(customers);
        const amount = (1 + Math.floor(Math.random() * 5000) / 100).toFixed(2);
        await singlePool.query(
          "INSERT INTO events (id, merchant_id, customer_id, type, occurred_at, amount, points, location_id, data, source, idempotency_key, api_key_id) VALUES ($1, $2, $3, 'purchase', $4, $5, $6, $7, $8, 'api', $9, $10)",
          [randomUUID(), merchant.id, c.id, new Date(), amount, Math.floor(Number(amount)), pick(locations).id, JSON.stringify({ items: 1 + (i % 5) }), `one-${run}-${i}`, merchant.key_id]);
        return { status: 200, body: "" };
      },
      ok: () => true,
    });
    summarise(`single-row INSERT, ${clients} conn., 1 row/transaction`, singleInsert.requests, singleInsert);
    await singlePool.end();
    client.close();

    printTable(results);
    const clean = results.find((r) => r.phase.startsWith("single POST") && !r.phase.includes("garbage"));
    const mixed = results.find((r) => r.phase.includes("garbage"));
    const oneRow = results.find((r) => r.phase.startsWith("single-row INSERT"));
    const rate = (r: Row | undefined) => (r ? r.events / r.seconds : NaN);
    console.log(`With garbage: valid events/s = ${((rate(mixed) / rate(clean)) * 100).toFixed(0)}% of the clean phase (target ≥ 90%); ${garbageRefused.requests} garbage requests, ${garbageRefused.failures} not answered 422.`);
    console.log(`Single POSTs = ${((rate(clean) / rate(oneRow)) * 100).toFixed(0)}% of single-row INSERTs through ${clients} connections.`);
  } finally {
    if (app) await stopApp(app);
    await pool.end();
    await database.stop();
  }
}

type ReportMode = "on" | "sync" | "off";

function reportModes(value: string | undefined): ReportMode[] {
  if (value === "compare") return ["on", "sync", "off"];
  if (value === "on" || value === "sync" || value === "off") return [value];
  throw new Error(`--report-triggers must be on, sync, off or compare (got ${value})`);
}

/** Switches the report triggers for every session at once (a function setting, read per call). */
async function setReportMode(pool: pg.Pool, mode: ReportMode): Promise<void> {
  const toggle = mode === "off" ? "DISABLE" : "ENABLE";
  await pool.query(`ALTER TABLE events ${toggle} TRIGGER events_report_rollups_insert, ${toggle} TRIGGER events_report_rollups_update`);
  await pool.query(mode === "sync" ? "ALTER FUNCTION report_rollups_on_events() SET punchcard.report_rollups = 'sync'" : "ALTER FUNCTION report_rollups_on_events() RESET punchcard.report_rollups");
  console.log(`[bench] report rollups: ${mode === "on" ? "queued by the triggers, folded later" : mode === "sync" ? "folded by the triggers in the recording statement" : "triggers disabled"}`);
}

function printTable(rows: Row[]) {
  const reference = rows.find((r) => r.phase.startsWith("plain INSERT"));
  const refRate = reference ? reference.events / reference.seconds : NaN;
  const header = ["phase", "events", "events/s", "p50 ms", "p99 ms", "vs batch INSERT", "app CPU ms/event", "db CPU ms/event", "failures"];
  const lines = rows.map((r) => {
    const rate = r.events / r.seconds;
    return [r.phase, String(r.events), rate.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), `${((rate / refRate) * 100).toFixed(0)}%`, r.appCpuMs.toFixed(3), r.dbCpuMs.toFixed(3), String(r.failures)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${lines.map(format).join("\n")}\n`);
  console.log("Latencies: single = one event per request; batch = one request of 1,000 events; INSERT = one statement.");
  console.log("Targets (2 cores): single ≥ 1,000 events/s with p99 < 50 ms; batches ≥ 40% of plain INSERT.");
}

/** Bodies the API must refuse with 422 before any database work. */
function garbageBodies(serial: string): string[] {
  const ref = JSON.stringify({ passSerial: serial });
  const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
  return [
    JSON.stringify({ type: "visit", customer: { passSerial: "BB-\u0000" } }),
    JSON.stringify({ type: "purchase", customer: { passSerial: serial, name: "A\u0000" }, amount: "1.00" }),
    `{"type":"visit","customer":${ref},"data":{"note":"\\ud800"}}`,
    `{"type":"visit","customer":${ref},"data":${deep}}`,
    JSON.stringify({ type: "visit", customer: { passSerial: serial }, data: { ["k\u0000"]: 1 } }),
  ];
}
