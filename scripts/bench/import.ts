// `npm run bench -- import [--rows 1000000] [--customers 100000] [--order file|by-customer]`: a
// generated CSV imported end to end through the real path (multipart upload streamed to disk by the route's saveUpload → read →
// map → validate → dedupe → the write path's bulk mode in chunks → pass state → rollups), then
// re-imported (all duplicates); in the same run the physical reference: a plain COPY of the final
// event rows into a copy of the events table with the same indexes. Prints rows/s for both and
// the ratio, time to first progress, the importer's peak RSS, and a customer page's data (profile,
// totals, monthly summary, history: what app/(app)/customers/[id] loads) timed while the import
// runs. Uses DATABASE_URL, or a throw-away embedded PostgreSQL. For profiling: PUNCHCARD_PROFILE_PHASES=1
// prints the importer's time per phase (lib/platform/phase-timer.ts) and its memory at the RSS peak;
// PUNCHCARD_BENCH_EXPLAIN_MS=200 logs the plan (auto_explain, with triggers) of every statement of
// the embedded database slower than that; PUNCHCARD_BENCH_LOG_STATEMENTS=1 logs every statement's
// server time; PUNCHCARD_BENCH_ONCE=1 skips the re-import. The CPU seconds of the importer and of
// the (embedded) database show which side bounds the import.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, openAsBlob, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = "PUNCHCARD_BENCH_IMPORT_CHILD";

export default async function benchImport(argv: string[]): Promise<void> {
  // lib/ is server-only: run under the react-server condition in a child (as the other benches).
  // The importer runs as `npm run worker` runs the job queue: with V8's old space capped at 256 MB
  // (package.json), so that the garbage of a million rows is collected instead of growing the heap.
  // `--heap uncapped` measures it as the in-process workers of `npm start` run (V8's default limit).
  const uncapped = argv.includes("--heap") && argv[argv.indexOf("--heap") + 1] === "uncapped";
  const heap = uncapped ? [] : ["--max-old-space-size=256"];
  const result = spawnSync(process.execPath, [...heap, "--import", "tsx", "--conditions=react-server", SELF, ...argv], { stdio: "inherit", env: { ...process.env, [CHILD_FLAG]: "1" } });
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

/** Sorts the CSV's data rows by their card column, stably (GNU sort -s), header first. */
function sortByCard(file: string): void {
  const sorted = spawnSync("sh", ["-c", 'head -1 "$1" > "$1.sorted" && tail -n +2 "$1" | LC_ALL=C sort -s -t, -k2,2 >> "$1.sorted" && mv "$1.sorted" "$1"', "sh", file], { stdio: "inherit" });
  if (sorted.status !== 0) throw new Error("sorting the CSV by card failed");
}

async function child() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { heap: { type: "string", default: "capped" }, rows: { type: "string", default: "1000000" }, customers: { type: "string", default: "100000" }, "report-rollups": { type: "string", default: "trigger" }, order: { type: "string", default: "file" } } });
  const rows = Number(values.rows);
  // "trigger": the report rollups kept by the statement triggers on events, as the app runs today.
  // "deferred": the importer's connections switch them off (punchcard.report_rollups, the switch the
  // triggers offer bulk loaders) and report_rollups_rebuild() runs once after each import, inside
  // the timed run: what the write path costs by itself, with the report rollups still exact.
  const deferReports = values["report-rollups"] === "deferred";
  const { startEmbeddedPostgres, tempDataDir } = await import("../../lib/platform/embedded-postgres");
  const { applyMigrations } = await import("../../lib/platform/migrations");
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: tempDataDir("bench-import"), ephemeral: true, log: process.env.PUNCHCARD_BENCH_EXPLAIN_MS || process.env.PUNCHCARD_BENCH_LOG_STATEMENTS ? (line) => console.error(line) : undefined });
    process.env.DATABASE_URL = embedded.url;
    const options = [
      ...(process.env.PUNCHCARD_BENCH_EXPLAIN_MS ? [`-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=${process.env.PUNCHCARD_BENCH_EXPLAIN_MS} -c auto_explain.log_analyze=on -c auto_explain.log_nested_statements=on -c auto_explain.log_timing=on -c auto_explain.log_triggers=on`] : []),
      // Every statement's server time, without its parameters (a chunk's are megabytes).
      ...(process.env.PUNCHCARD_BENCH_LOG_STATEMENTS ? ["-c log_min_duration_statement=0 -c log_parameter_max_length=0"] : []),
    ];
    if (options.length) {
      const u = new URL(embedded.url);
      u.searchParams.set("options", options.join(" "));
      process.env.DATABASE_URL = u.toString();
    }
  }
  await applyMigrations(process.env.DATABASE_URL);
  const plainUrl = process.env.DATABASE_URL;
  if (deferReports) {
    const url = new URL(plainUrl);
    url.searchParams.set("options", "-c punchcard.report_rollups=off");
    process.env.DATABASE_URL = url.toString();
  }
  // Deletion blocks are hashed with a secret; the bench's own merchant has none, so any secret serves.
  if (!process.env.PUNCHCARD_SUPPRESSION_SECRET && !process.env.NEXTAUTH_SECRET) process.env.PUNCHCARD_SUPPRESSION_SECRET = randomBytes(32).toString("base64url");
  process.env.PUNCHCARD_IMPORTS_DIR ??= mkdtempSync(path.join(tmpdir(), "punchcard-bench-import-"));
  const { db } = await import("../../lib/db");
  const { processImport } = await import("../../lib/imports/process");
  const { takePhaseTotals } = await import("../../lib/platform/phase-timer");
  const { createImport, getImport } = await import("../../lib/imports/store");
  const { saveUpload } = await import("../../lib/imports/upload");
  const { getCustomerProfile, customerTotals, customerMonthlySummary } = await import("../../lib/customers/profile");
  const { customerHistory } = await import("../../lib/customers/history");
  const { parseHistoryParams } = await import("../../lib/customers/history-params");
  const pg = (await import("pg")).default;
  const { from: copyFrom, to: copyTo } = await import("pg-copy-streams");
  const { treeCpuSeconds } = await import("./support/load");
  // CPU seconds of this process (the importer) and of the database (its processes are this
  // process's children when embedded): which side of the import is the bottleneck.
  const cpu = () => {
    const own = process.cpuUsage();
    const importer = (own.user + own.system) / 1e6;
    return { importer, db: embedded ? treeCpuSeconds(process.pid) - importer : Number.NaN };
  };
  const { pipeline } = await import("node:stream/promises");

  const file = path.join(process.env.PUNCHCARD_IMPORTS_DIR, "bench.csv");
  await writeCsv(file, rows, Number(values.customers));
  // --order by-customer: the same rows, stably sorted by card (each customer's rows stay in file
  // order, an order's lines stay together): what a by-customer apply would give the write path.
  if (values.order === "by-customer") sortByCard(file);
  else if (values.order !== "file") throw new Error("--order is file or by-customer");
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

  // A customer who exists before the import (so their page can load from the start), one of the file's cards.
  const probeCustomer = await db.customer.create({ data: { merchantId: merchant.id, passSerial: "BENCH-000001", name: "Probe", pass: { create: {} } } });
  const uploads = mkdtempSync(path.join(tmpdir(), "punchcard-bench-upload-"));
  const historyParams = parseHistoryParams({});
  const customerPage = () => Promise.all([
    getCustomerProfile(scope, probeCustomer.id), customerTotals(scope, probeCustomer.id),
    customerMonthlySummary(scope, probeCustomer.id), customerHistory(scope, probeCustomer.id, historyParams),
  ]);

  async function run(label: string) {
    const cpu0 = cpu();
    const t0 = performance.now();
    let peak = process.memoryUsage().rss;
    let peakUsage = process.memoryUsage();
    // The upload as the route receives it: multipart, streamed from disk and to disk.
    const form = new FormData();
    form.set("file", await openAsBlob(file), "bench.csv");
    const upload = await saveUpload(new Request("http://bench.local/api/v1/imports", { method: "POST", body: form }), uploads);
    const view = await createImport(scope, { filePath: upload.filePath, fileName: upload.fileName, fileSize: upload.fileSize, mapping, readChoices: {} });
    let firstProgress: number | null = null;
    const latencies: number[] = [];
    let probing = false;
    const probe = setInterval(() => {
      const usage = process.memoryUsage();
      if (usage.rss > peak) peakUsage = usage;
      peak = Math.max(peak, usage.rss);
      if (!probing) {
        // One page load at a time, as a person clicking would.
        probing = true;
        const p0 = performance.now();
        void customerPage().then(() => latencies.push(performance.now() - p0)).finally(() => (probing = false));
      }
      if (firstProgress === null) void getImport(scope, view.id).then((v) => firstProgress ??= v.progress.rowsDone > 0 ? performance.now() - t0 : null);
    }, 250);
    await processImport(view.id, new AbortController().signal);
    if (process.env.PUNCHCARD_PROFILE_PHASES === "1") {
      console.log(label, "phases (ms)", JSON.stringify(takePhaseTotals()));
      console.log(label, "memory at the RSS peak (MB)", Object.entries(peakUsage).map(([k, v]) => `${k} ${Math.round(v / 1048576)}`).join(", "));
    }
    const imported = await getImport(scope, view.id);
    const r0 = performance.now();
    // A run that created nothing (the re-import) leaves the report rollups as they are.
    if (deferReports && imported.counts.events > 0) await db.$executeRaw`SELECT report_rollups_rebuild(${merchant.id}::uuid)`;
    const rebuildSeconds = (performance.now() - r0) / 1000;
    clearInterval(probe);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpu();
    const done = await getImport(scope, view.id);
    if (done.status !== "succeeded") console.error(`${label}: ${done.status} — ${done.failure ?? "no reason given"}`);
    latencies.sort((a, b) => a - b);
    return {
      label, seconds, rebuildSeconds, importerCpu: cpu1.importer - cpu0.importer, dbCpu: cpu1.db - cpu0.db, rowsPerSecond: rows / seconds, firstProgress, peakMb: peak / 1024 / 1024, status: done.status, counts: done.counts,
      pageP50: latencies[Math.floor(latencies.length * 0.5)] ?? 0, pageP95: latencies[Math.floor(latencies.length * 0.95)] ?? 0, pageMax: latencies.at(-1) ?? 0,
    };
  }

  const loadBefore = loadavg()[0]!;
  const first = await run("import");
  const runs = [first, ...(process.env.PUNCHCARD_BENCH_ONCE ? [] : [await run("re-import (all duplicates)")])];

  // The reference: the final event rows, COPY'd into a copy of the events table with its indexes.
  const client = new pg.Client({ connectionString: plainUrl });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS bench_events_copy; CREATE TABLE bench_events_copy (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)");
  const source = new pg.Client({ connectionString: plainUrl });
  await source.connect();
  const r0 = performance.now();
  await pipeline(source.query(copyTo(`COPY (SELECT * FROM events WHERE merchant_id = '${merchant.id}') TO STDOUT`)), client.query(copyFrom("COPY bench_events_copy FROM STDIN")));
  const copySeconds = (performance.now() - r0) / 1000;
  await client.query("DROP TABLE bench_events_copy");
  await source.end();
  await client.end();
  const copyRate = first.counts.events / copySeconds;
  const table = runs.map((r) => ({
    run: r.label,
    status: r.status,
    "file rows/s": Math.round(r.rowsPerSecond),
    "events/s": Math.round(r.counts.events / r.seconds) || 0,
    seconds: r.seconds.toFixed(1),
    ...(deferReports ? { "of which report rebuild (s)": r.rebuildSeconds.toFixed(1) } : {}),
    "CPU s importer / db": `${r.importerCpu.toFixed(1)} / ${Number.isNaN(r.dbCpu) ? "—" : r.dbCpu.toFixed(1)}`,
    "first progress (s)": r.firstProgress === null ? "—" : (r.firstProgress / 1000).toFixed(1),
    "peak RSS (MB)": Math.round(r.peakMb),
    "customer page p50/p95/max (ms)": `${r.pageP50.toFixed(0)}/${r.pageP95.toFixed(0)}/${r.pageMax.toFixed(0)}`,
    events: r.counts.events,
    customers: r.counts.customersCreated,
    duplicates: r.counts.duplicates,
    errors: r.counts.errors,
  }));
  console.log(`import benchmark: ${rows.toLocaleString("en-US")} rows (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB CSV), load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, ${process.env.PUNCHCARD_IMPORT_CHUNK_EVENTS ?? "4000"} events per chunk and stream (${process.env.PUNCHCARD_IMPORT_STREAMS ?? "2"} streams), rows in ${values.order === "by-customer" ? "card order" : "file order"}, report rollups ${deferReports ? "deferred (rebuilt after each import, timed)" : "by the events triggers"}, importer heap ${values.heap === "uncapped" ? "uncapped (as in-process workers)" : "capped at 256 MB (as `npm run worker`)"}`);
  console.table(table);
  // The COPY writes event rows; the importer reads file rows (several line items per event). Both ratios are printed.
  console.table([{
    reference: "COPY of the final event rows into a copy of events (same indexes)", "rows/s": Math.round(copyRate), seconds: copySeconds.toFixed(1),
    "import file rows/s ÷ COPY rows/s": `${Math.round((first.rowsPerSecond / copyRate) * 100)}%`,
    "import events/s ÷ COPY rows/s": `${Math.round(((first.counts.events / first.seconds) / copyRate) * 100)}%`,
    "import seconds ÷ COPY seconds": (first.seconds / copySeconds).toFixed(1),
  }]);
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
