// Reports timings against whatever DATABASE_URL points at, each beside the same numbers computed
// directly from the events table in the same run (and checked equal).
//   npm run bench -- reports [--merchant <uuid>] [--month YYYY-MM] [--location <name>] [--runs 5] [--direct-runs 1] [--page-url <base>]
// Default: the merchant with the most events, its last full month. Reads only.
// The last row is the whole Reports page as a browser gets it: a real HTTP GET of /reports (the
// body read to its end) signed in as the merchant's owner, from a built app: the one at
// --page-url (it must share NEXTAUTH_SECRET with this process), or else, when `npx next build`
// has been run, `next start` on $PORT (3040) started here against the same DATABASE_URL.
import { isDeepStrictEqual } from "node:util";
import { parseArgs } from "node:util";
import { reactServerChild } from "./support/react-server";
import { medianOf } from "./support/timed";
import type { MerchantContext } from "../../lib/auth/session";
import { timePageOverHttp } from "./reports-page";

// lib/ is server-only: the benchmark reruns itself under the react-server condition (support/react-server.ts).
const { CHILD_FLAG, runAsChild } = reactServerChild(import.meta.url, "PUNCHCARD_BENCH_REPORTS_CHILD");

export default async function benchReports(argv: string[]): Promise<void> {
  runAsChild(argv, "reports benchmark");
}

const { values: options } = parseArgs({
  args: process.env[CHILD_FLAG] ? process.argv.slice(2) : [],
  options: {
    merchant: { type: "string" }, month: { type: "string" }, location: { type: "string" }, runs: { type: "string" }, "direct-runs": { type: "string" }, "page-url": { type: "string" },
  },
});
const RUNS = Number(options.runs ?? process.env.BENCH_RUNS ?? 5);
// The direct aggregates scan a month of events (seconds each at 10M): one run, no warm-up, by default;
// 0 skips them (and the equality check).
const DIRECT_RUNS = Number(options["direct-runs"] ?? 1);

const median = (fn: () => Promise<unknown>, runs = RUNS, warm = true) => medianOf(fn, runs, warm);

async function main() {
  const [{ db }, monthly, direct, charts, directCharts, page, month] = await Promise.all([
    import("../../lib/db"), import("../../lib/reports/monthly"), import("../../lib/reports/direct"), import("../../lib/reports/charts"),
    import("../../lib/reports/direct-charts"), import("../../lib/reports/page-data"), import("../../lib/reports/month"),
  ]);
  const id = options.merchant ?? process.env.BENCH_MERCHANT_ID;
  const [row] = id
    ? await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM merchants WHERE id = ${id}::uuid`
    : await db.$queryRaw<{ id: string }[]>`SELECT merchant_id::text AS id FROM report_monthly_rollups GROUP BY 1 ORDER BY sum(count) DESC LIMIT 1`;
  if (!row) throw new Error("No merchant with events found (or the report rollups are empty: run npm run db:migrate).");
  const m = await db.merchant.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, name: true, timeZone: true, currency: true } });
  const context: MerchantContext = { merchantId: m.id, merchant: m, user: { id: "00000000-0000-0000-0000-000000000000", name: "bench", email: "bench@example.com", role: "owner" } };
  const target = options.month ?? month.addMonths(month.monthOf(new Date(), m.timeZone), -1);
  const location = await monthly.resolveReportLocation(context, options.location);
  const loc = location?.id ?? null;
  const [counted] = await db.$queryRaw<{ events: bigint }[]>`SELECT count(*)::bigint AS events FROM events WHERE merchant_id = ${m.id}::uuid`;
  const events = counted?.events ?? BigInt(0);
  console.log(`Merchant ${m.name}: ${Number(events).toLocaleString("en-US")} events; month ${target}${location ? ` at ${location.name}` : ""}; median of ${RUNS} runs\n`);

  const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ["monthly summary (month + previous)", () => monthly.monthlySummary(context, { month: target, location }),
      async () => ({ ...(await direct.monthlyFiguresDirect(context, target, loc)), previous: await direct.monthlyFiguresDirect(context, month.addMonths(target, -1), loc) })],
    ["chart: events per day", () => charts.eventsPerDay(context, target, loc), () => directCharts.eventsPerDayDirect(context, target, loc)],
    ["chart: 12 months (revenue, avg, funnel)", () => charts.monthlyTrend(context, target, loc), () => directCharts.monthlyTrendDirect(context, target, loc)],
    ["chart: busiest times", () => charts.busiestTimes(context, target, loc), () => directCharts.busiestTimesDirect(context, target, loc)],
    ["chart: how often customers return", () => charts.returnIntervals(context, target, loc), () => directCharts.returnIntervalsDirect(context, target, loc)],
    ["table: top customers", () => charts.topCustomers(context, target, loc), () => directCharts.topCustomersDirect(context, target, loc)],
  ];
  const rows: { name: string; rollup: number; direct: number | null; equal: string }[] = [];
  for (const [name, fromRollups, fromEvents] of pairs) {
    const a = await median(fromRollups);
    if (DIRECT_RUNS === 0) {
      // --direct-runs 0: rollup timings only (the reference scans take minutes at 10M).
      rows.push({ name, rollup: a.ms, direct: null, equal: "not checked" });
      continue;
    }
    const b = await median(fromEvents, DIRECT_RUNS, false);
    let left = JSON.parse(JSON.stringify(a.value)) as Record<string, unknown>;
    if (name.startsWith("monthly")) {
      const { month: _m, timeZone: _t, currency: _c, ...rest } = left;
      left = rest;
    }
    rows.push({ name, rollup: a.ms, direct: b.ms, equal: isDeepStrictEqual(left, JSON.parse(JSON.stringify(b.value))) ? "yes" : "NO" });
    console.log(`  ${name}: rollups ${a.ms.toFixed(2)} ms, events ${b.ms.toFixed(0)} ms, equal ${rows.at(-1)?.equal}`);
  }
  const selection = await page.reportSelection(context, { month: target, location: location?.name });
  const whole = await median(() => page.reportsPageData(context, selection));
  rows.push({ name: "Reports page: all its queries, as it runs them", rollup: whole.ms, direct: null, equal: "" });
  const served = await timePageOverHttp(db, m.id, `/reports?${new URLSearchParams({ month: target, ...(location ? { location: location.name } : {}) })}`, options["page-url"], median);
  if (typeof served === "string") console.log(`\n  Reports page over HTTP: ${served}`);
  else rows.push({ name: "Reports page: GET /reports, server-rendered (HTTP)", rollup: served.ms, direct: null, equal: "" });

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"query".padEnd(width)}  ${"rollups ms".padStart(10)}  ${"events ms".padStart(10)}  equal`);
  console.log(`${"-".repeat(width)}  ----------  ----------  -----`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.rollup.toFixed(2).padStart(10)}  ${(r.direct === null ? "" : r.direct.toFixed(1)).padStart(10)}  ${r.equal}`);
  if (rows.some((r) => r.equal === "NO")) process.exitCode = 1;
  await db.$disconnect();
}

if (process.env[CHILD_FLAG]) await main();
