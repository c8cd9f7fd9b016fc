// `npm run bench -- import [--rows 1000000] [--customers 100000]`: a generated CSV imported end to
// end through the real path (file on disk → read → map → validate → dedupe → recordEvents chunks
// → pass state → rollups), then re-imported (all duplicates); in the same run the physical
// reference: a plain COPY of the final event rows into a copy of the events table with the same
// indexes. Prints rows/s, the ratio, time to first progress, peak RSS, and a customer lookup's
// latency while the import runs. Uses DATABASE_URL, or a throw-away embedded PostgreSQL.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = "PUNCHCARD_BENCH_IMPORT_CHILD";

export default async function benchImport(argv: string[]): Promise<void> {
  const tsx = path.join(path.dirname(SELF), "..", "..", "node_modules", ".bin", "tsx");
  // lib/ is server-only: run under the react-server condition in a child (as the other benches).
  const result = spawnSync(tsx, ["--conditions=react-server", SELF, ...argv], { stdio: "inherit", env: { ...process.env, [CHILD_FLAG]: "1" } });
  if (result.status !== 0) throw new Error(`import benchmark exited with ${result.status ?? result.signal}`);
}

async function writeCsv(file: string, rows: number, customers: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("order_id,card,date_time,qty,unit_price,kind\n");
  const start = Date.UTC(2024, 0, 1);
  let line = 0;
  let order = 0;
  while (line < rows) {
    order++;
    const card = `BENCH-${String((order * 7919) % customers).padStart(6, "0")}`;
    const at = new Date(start + order * 37_000).toISOString().slice(0, 19).replace("T", " ");
    // Mostly purchases of 1–4 line items; every 6th order is a visit row.
    const items = order % 6 === 0 ? 1 : 1 + (order % 4);
    for (let i = 0; i < items && line < rows; i++, line++) {
      const kind = order % 6 === 0 ? "Visit" : "Sale";
      if (!out.write(`O${order},${card},${at},${1 + (i % 3)},${(2 + ((order + i) % 17) * 0.25).toFixed(2)},${kind}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function child() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { rows: { type: "string", default: "1000000" }, customers: { type: "string", default: "100000" } } });
  const rows = Number(values.rows);
  const { startEmbeddedPostgres, tempDataDir } = await import("../../lib/platform/embedded-postgres");
  const { applyMigrations } = await import("../../lib/platform/migrations");
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: tempDataDir("bench-import"), ephemeral: true });
    process.env.DATABASE_URL = embedded.url;
  }
  await applyMigrations(process.env.DATABASE_URL);
  process.env.PUNCHCARD_IMPORTS_DIR ??= mkdtempSync(path.join(tmpdir(), "punchcard-bench-import-"));
  const { db } = await import("../../lib/db");
  const { processImport } = await import("../../lib/imports/process");
  const { createImport, getImport } = await import("../../lib/imports/store");
  const pg = (await import("pg")).default;
  const { from: copyFrom, to: copyTo } = await import("pg-copy-streams");
  const { pipeline } = await import("node:stream/promises");

  const file = path.join(process.env.PUNCHCARD_IMPORTS_DIR, "bench.csv");
  await writeCsv(file, rows, Number(values.customers));
  const merchant = await db.merchant.create({ data: { name: `Bench import ${Date.now()}`, timeZone: "America/New_York", currency: "USD" } });
  const scope = { merchantId: merchant.id, merchant: { id: merchant.id, name: merchant.name, timeZone: merchant.timeZone, currency: merchant.currency } };
  const mapping = {
    customer: { identifyBy: "passSerial" as const, column: "card", create: true },
    eventType: { column: "kind", values: { Sale: "purchase" as const, Visit: "visit" as const } },
    when: { column: "date_time" },
    amount: { quantityColumn: "qty", unitPriceColumn: "unit_price" },
    groupBy: "order_id",
    negatives: "skip" as const,
    keepColumns: [],
  };

  async function run(label: string) {
    const view = await createImport(scope, { filePath: file, fileName: "bench.csv", fileSize: 0, mapping, readChoices: {} });
    let peak = process.memoryUsage().rss;
    let firstProgress: number | null = null;
    const t0 = performance.now();
    const latencies: number[] = [];
    const probe = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
      const p0 = performance.now();
      void db.$queryRaw`SELECT c.id, p.points_balance FROM customers c JOIN customer_passes p ON p.customer_id = c.id WHERE c.merchant_id = ${merchant.id}::uuid AND c.pass_serial = 'BENCH-000001'`.then(() => latencies.push(performance.now() - p0));
      if (firstProgress === null) void getImport(scope, view.id).then((v) => firstProgress ??= v.progress.rowsDone > 0 ? performance.now() - t0 : null);
    }, 250);
    await processImport(view.id, new AbortController().signal);
    clearInterval(probe);
    const seconds = (performance.now() - t0) / 1000;
    const done = await getImport(scope, view.id);
    latencies.sort((a, b) => a - b);
    return { label, seconds, rowsPerSecond: rows / seconds, firstProgress, peakMb: peak / 1024 / 1024, p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0, counts: done.counts };
  }

  const first = await run("import");
  const again = await run("re-import (all duplicates)");

  // The reference: the final event rows, COPY'd into a copy of the events table with its indexes.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS bench_events_copy; CREATE TABLE bench_events_copy (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)");
  const source = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await source.connect();
  const r0 = performance.now();
  await pipeline(source.query(copyTo(`COPY (SELECT * FROM events WHERE merchant_id = '${merchant.id}') TO STDOUT`)), client.query(copyFrom("COPY bench_events_copy FROM STDIN")));
  const copySeconds = (performance.now() - r0) / 1000;
  await client.query("DROP TABLE bench_events_copy");
  await source.end();
  await client.end();
  const copyRate = first.counts.events / copySeconds;
  // The importer's rate in EVENTS/s is what compares with COPY of event rows.
  const table = [first, again].map((r) => ({
    run: r.label,
    "rows/s": Math.round(r.rowsPerSecond),
    "events/s": Math.round(r.counts.events / r.seconds) || 0,
    seconds: r.seconds.toFixed(1),
    "first progress (s)": r.firstProgress === null ? "—" : (r.firstProgress / 1000).toFixed(1),
    "peak RSS (MB)": Math.round(r.peakMb),
    "lookup p95 during (ms)": r.p95.toFixed(1),
    events: r.counts.events,
    duplicates: r.counts.duplicates,
    errors: r.counts.errors,
  }));
  console.table(table);
  console.table([{ reference: "COPY of the final event rows into a copy of events (same indexes)", "rows/s": Math.round(copyRate), seconds: copySeconds.toFixed(1), "import events/s ÷ COPY rows/s": `${Math.round(((first.counts.events / first.seconds) / copyRate) * 100)}%` }]);
  await db.merchant.delete({ where: { id: merchant.id } });
  await db.$disconnect();
  if (embedded) await embedded.stop();
}

if (process.env[CHILD_FLAG]) {
  child().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
