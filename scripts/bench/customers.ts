// Customer list and customer page timings against whatever DATABASE_URL points at.
//   npm run bench -- customers [--merchant <uuid>] [--customer <uuid>] [--runs 5]
// Runs the real lib functions (so the numbers are what a page pays, minus rendering), each a few
// times after a warm-up, on the merchant with the most customers (or --merchant) and its customer
// with the most events (or --customer). Prints p50 and max per query. Reads only.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { reactServerChild } from "./support/react-server";
import type { MerchantContext } from "../../lib/auth/session";

// lib/ is server-only: the benchmark reruns itself under the react-server condition (support/react-server.ts).
const { SELF, CHILD_FLAG, runAsChild } = reactServerChild(import.meta.url, "PUNCHCARD_BENCH_CUSTOMERS_CHILD");

export default async function benchCustomers(argv: string[]): Promise<void> {
  runAsChild(argv, "customers benchmark");
}

const { values: options } = parseArgs({
  args: process.env[CHILD_FLAG] ? process.argv.slice(2) : [],
  options: { merchant: { type: "string" }, customer: { type: "string" }, runs: { type: "string" } },
});

const RUNS = Number(options.runs ?? process.env.BENCH_RUNS ?? 5);

interface Row { name: string; p50: number; max: number; note: string }

async function time(name: string, fn: () => Promise<unknown>, note = ""): Promise<Row> {
  await fn(); // warm-up: plan caches, connection, first touch of the pages
  const samples: number[] = [];
  let last: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const count = last && typeof last === "object" && "count" in last ? ` (count ${String((last as { count: unknown }).count)})` : "";
  return { name, p50: samples[Math.floor(samples.length / 2)] ?? 0, max: samples.at(-1) ?? 0, note: note + count };
}

async function pickMerchant(): Promise<MerchantContext> {
  const { db } = await lib();
  const id = options.merchant ?? process.env.BENCH_MERCHANT_ID;
  const [row] = id
    ? await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM merchants WHERE id = ${id}::uuid`
    : await db.$queryRaw<{ id: string }[]>`SELECT merchant_id::text AS id FROM customers GROUP BY merchant_id ORDER BY count(*) DESC LIMIT 1`;
  if (!row) throw new Error("No merchant with customers found. Seed the database first.");
  const m = await db.merchant.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, name: true, timeZone: true, currency: true } });
  return { merchantId: m.id, merchant: m, user: { id: "00000000-0000-0000-0000-000000000000", name: "bench", email: "bench@example.com", role: "owner" } };
}

async function pickCustomer(context: MerchantContext): Promise<{ id: string; events: number }> {
  const { db } = await lib();
  const id = options.customer ?? process.env.BENCH_CUSTOMER_ID;
  if (id) {
    const events = await db.event.count({ where: { merchantId: context.merchantId, customerId: id } });
    return { id, events };
  }
  // The per-customer rollup answers "who has the most events" without scanning the event table.
  const [row] = await db.$queryRaw<{ id: string; events: bigint }[]>`
    SELECT customer_id::text AS id, sum(count)::bigint AS events FROM customer_rollups
    WHERE merchant_id = ${context.merchantId}::uuid GROUP BY customer_id ORDER BY 2 DESC LIMIT 1`;
  if (!row) throw new Error("No customer events found.");
  return { id: row.id, events: Number(row.events) };
}

async function main() {
  const { db, listCustomers, exportCustomerRows, NO_TIER, getCustomerProfile, customerTotals, customerMonthlySummary, customerHistory, encodeHistoryCursor, listAuditLog } = await lib();
  const context = await pickMerchant();
  const [counted] = await db.$queryRaw<{ customers: bigint }[]>`SELECT count(*)::bigint AS customers FROM customers WHERE merchant_id = ${context.merchantId}::uuid`;
  const customer = await pickCustomer(context);
  const sample = await db.customer.findFirst({ where: { merchantId: context.merchantId, email: { not: null } }, select: { email: true, passSerial: true, name: true } });
  const tier = (await db.customerPass.findFirst({ where: { merchantId: context.merchantId, tier: { not: null } }, select: { tier: true } }))?.tier;
  console.log(`Merchant ${context.merchant.name}: ${counted?.customers ?? 0} customers; customer ${customer.id} has ${customer.events} events; ${RUNS} runs each\n`);

  const rows: Row[] = [];
  const list = (name: string, params: Record<string, unknown>) => time(`list: ${name}`, () => listCustomers(context, params));
  rows.push(await list("first page (last seen, newest)", {}));
  for (const sort of ["name", "spend", "visits", "points", "lastSeen"] as const) {
    for (const dir of ["asc", "desc"] as const) rows.push(await list(`sort ${sort} ${dir}`, { sort, dir }));
  }
  rows.push(await list("page 400 (offset 9,975)", { page: 400 }));
  rows.push(await list("search 'ann' (common)", { q: "ann" }));
  if (sample?.email) rows.push(await list("search email fragment", { q: sample.email.slice(0, Math.min(8, sample.email.indexOf("@"))) }));
  if (sample?.passSerial) rows.push(await list("search exact pass serial", { q: sample.passSerial }));
  rows.push(await list("search 'lovelace' (common surname)", { q: "lovelace" }));
  rows.push(await list("search 'zzqx' (no match)", { q: "zzqx" }));
  rows.push(await list("search 'zqx' (3 chars, rare)", { q: "zqx" }));
  if (tier) rows.push(await list(`filter tier ${tier}`, { tier }));
  rows.push(await list("filter no tier", { tier: NO_TIER }));
  rows.push(await list("filter pass installed", { pass: "installed" }));
  rows.push(await list("filter seen in 7 days", { activity: "seen_7d" }));
  rows.push(await list("filter not seen in 60 days, sort spend", { activity: "not_seen_60d", sort: "spend" }));
  rows.push(await list("search 'ann' + pass + sort name", { q: "ann", pass: "installed", sort: "name", dir: "asc" }));
  rows.push(await time("export: first 2,000 rows", async () => (await exportCustomerRows(context, {}).next()).value));

  const c = customer.id;
  rows.push(await time("page: profile + tier", () => getCustomerProfile(context, c)));
  rows.push(await time("page: totals", () => customerTotals(context, c)));
  rows.push(await time("page: 12 months", () => customerMonthlySummary(context, c)));
  rows.push(await time("page: history first page", () => customerHistory(context, c, {})));
  const [mid] = await db.$queryRaw<{ occurred_at: Date; id: string }[]>`
    SELECT occurred_at, id::text FROM events WHERE merchant_id = ${context.merchantId}::uuid AND customer_id = ${c}::uuid
    ORDER BY occurred_at DESC, id DESC OFFSET ${Math.floor(customer.events / 2)} LIMIT 1`;
  if (mid) rows.push(await time("page: history deep (keyset, middle)", () => customerHistory(context, c, { before: encodeHistoryCursor(mid.occurred_at, mid.id) })));
  rows.push(await time("page: history type=purchase", () => customerHistory(context, c, { type: "purchase" })));
  rows.push(await time("page: history one month", () => customerHistory(context, c, { from: "2025-01-01", to: "2025-01-31" })));
  rows.push(await time("page: all queries together", () => Promise.all([
    getCustomerProfile(context, c), customerTotals(context, c), customerMonthlySummary(context, c), customerHistory(context, c, {}),
  ]), "as the page runs them"));
  rows.push(await time("audit log first page", () => listAuditLog(context, {})));

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"query".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"max ms".padStart(8)}  note`);
  console.log(`${"-".repeat(width)}  --------  --------  ----`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.p50.toFixed(1).padStart(8)}  ${r.max.toFixed(1).padStart(8)}  ${r.note}`);
}

/** The app's modules, loaded only in the child (see above). */
async function lib() {
  const [{ db }, list, params, profile, history, historyParams, audit] = await Promise.all([
    import("../../lib/db"),
    import("../../lib/customers/list"),
    import("../../lib/customers/list-params"),
    import("../../lib/customers/profile"),
    import("../../lib/customers/history"),
    import("../../lib/customers/history-params"),
    import("../../lib/audit-log/queries"),
  ]);
  return {
    db, listCustomers: list.listCustomers, exportCustomerRows: list.exportCustomerRows, NO_TIER: params.NO_TIER,
    getCustomerProfile: profile.getCustomerProfile, customerTotals: profile.customerTotals, customerMonthlySummary: profile.customerMonthlySummary,
    customerHistory: history.customerHistory, encodeHistoryCursor: historyParams.encodeHistoryCursor, listAuditLog: audit.listAuditLog,
  };
}

if (!process.env[CHILD_FLAG] && process.argv[1] === SELF) {
  // Run directly (`npx tsx scripts/bench/customers.ts`): hop into the child the same way.
  benchCustomers(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if (process.env[CHILD_FLAG]) {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(async () => (await lib()).db.$disconnect());
}
