// Segment preview counts on DATABASE_URL (the large seed), each against a hand-written SQL query
// answering the same question directly on the events table, in the same run.
//   npm run bench -- segments [--merchant <uuid>] [--runs 3] [--only key,key]
// Prints median times, the ratio segment/reference, whether the counts agree, and the first page
// of members (the API's, in id order, and the dashboard's, by name). Reads only.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { reactServerChild } from "./support/react-server";
import { medianOf } from "./support/timed";
import type { SegmentDefinition } from "../../lib/segments/definition";

// lib/ is server-only: the benchmark reruns itself under the react-server condition (support/react-server.ts).
const { SELF, CHILD_FLAG, runAsChild } = reactServerChild(import.meta.url, "PUNCHCARD_BENCH_SEGMENTS_CHILD");

export default async function benchSegments(argv: string[]): Promise<void> {
  runAsChild(argv, "segments benchmark");
}

const { values: options } = parseArgs({
  args: process.env[CHILD_FLAG] ? process.argv.slice(2) : [],
  options: { merchant: { type: "string" }, runs: { type: "string" }, only: { type: "string" }, explain: { type: "boolean" } },
});
const RUNS = Number(options.runs ?? 3);

const median = <T>(fn: () => Promise<T>) => medianOf(fn, RUNS);

/**
 * The segment's count and its reference, timed in alternation (so that a change in the machine's
 * load falls on both), each after a warm-up; queries of a few milliseconds get at least 31 runs,
 * where a median of 3 would be mostly noise.
 */
async function paired(segmentFn: () => Promise<number>, referenceFn: () => Promise<number>) {
  const first = [performance.now(), await segmentFn(), performance.now(), await referenceFn(), performance.now()] as const;
  const quick = first[2] - first[0] < 20 && first[4] - first[2] < 20;
  const runs = quick ? Math.max(RUNS, 31) : RUNS;
  const times: { segment: number[]; reference: number[] } = { segment: [], reference: [] };
  let values = { segment: first[1], reference: first[3] };
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 === 0 ? (["segment", "reference"] as const) : (["reference", "segment"] as const)) {
      const t0 = performance.now();
      values = { ...values, [side]: await (side === "segment" ? segmentFn() : referenceFn()) };
      times[side].push(performance.now() - t0);
    }
  }
  const mid = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return { segment: { ms: mid(times.segment), value: values.segment }, reference: { ms: mid(times.reference), value: values.reference } };
}

/** Milliseconds as printed: one decimal under 10. */
const msText = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

async function main() {
  const [{ db }, { Prisma }, evaluate, { SEGMENT_TEMPLATES }, time] = await Promise.all([
    import("../../lib/db"), import("../../lib/generated/prisma/client"), import("../../lib/segments/evaluate"),
    import("../../lib/segments/templates"), import("../../lib/time"),
  ]);
  const [picked] = options.merchant
    ? [{ id: options.merchant }]
    : await db.$queryRaw<{ id: string }[]>`SELECT merchant_id::text AS id FROM customers GROUP BY merchant_id ORDER BY count(*) DESC LIMIT 1`;
  if (!picked) throw new Error("No merchant with customers. Seed the database first.");
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: picked.id }, select: { id: true, name: true, timeZone: true, currency: true } });
  const scope = { merchantId: merchant.id, merchant };
  const M = Prisma.sql`${merchant.id}::uuid`;
  const tz = merchant.timeZone;
  const now = new Date();
  const since = (days: number) => Prisma.sql`${time.windowStart(now, days, "days", tz)}::timestamptz`;
  const live = Prisma.sql`merchant_id = ${M} AND voided_at IS NULL`;
  const nowSql = Prisma.sql`${now}::timestamptz`;
  const distinct = (type: string, days?: number) => Prisma.sql`SELECT count(DISTINCT customer_id)::int AS n FROM events WHERE ${live} AND type = ${type}::"EventType"${days ? Prisma.sql` AND occurred_at >= ${since(days)} AND occurred_at <= ${nowSql}` : Prisma.empty}`;
  const having = (types: string[], cond: typeof M, where = Prisma.empty) => Prisma.sql`SELECT count(*)::int AS n FROM (SELECT customer_id FROM events WHERE ${live} AND type = ANY(${types}::"EventType"[])${where} GROUP BY customer_id HAVING ${cond}) x`;
  const month = time.localMonth(now, tz);
  const months = [1, 2, 3].map((k) => time.monthRange(time.shiftMonth(month, -k), tz));
  const day = (d: Date) => time.localDate(d, tz);

  const references: Record<string, typeof M> = {
    new_signups_week: distinct("pass_registered", 7),
    recently_installed: distinct("pass_installed", 30),
    uninstalled: distinct("pass_uninstalled"),
    clicked_offers: distinct("link_click"),
    opened_notifications: distinct("notification_opened", 7),
    gym_regulars: having(["check_in"], Prisma.sql`count(*) >= 12`, Prisma.sql` AND occurred_at >= ${since(30)} AND occurred_at <= ${nowSql}`),
    session_trackers: having(["check_in", "check_out"], Prisma.sql`bool_or(type = 'check_in') AND bool_or(type = 'check_out')`),
    purchases_5_plus: having(["purchase"], Prisma.sql`count(*) >= 5`),
    visits_10_plus: having(["visit", "check_in"], Prisma.sql`count(*) >= 10`),
    spend_500_plus: having(["purchase"], Prisma.sql`sum(amount) >= 500`),
    visited_30d: Prisma.sql`SELECT count(DISTINCT customer_id)::int AS n FROM events WHERE ${live} AND type IN ('visit', 'check_in') AND occurred_at >= ${since(30)} AND occurred_at <= ${nowSql}`,
    active_30d: distinct("purchase", 30),
    at_risk_60d: having(["purchase"], Prisma.sql`max(occurred_at) < ${since(60)}`),
    lapsed_90d: Prisma.sql`SELECT count(*)::int AS n FROM (SELECT customer_id FROM events WHERE ${live} AND type NOT IN ('notification_received', 'pass_uninstalled') AND source <> 'automation' GROUP BY customer_id HAVING max(occurred_at) < ${since(90)}) x`,
    never_redeemed: Prisma.sql`SELECT count(*)::int AS n FROM customers c WHERE c.merchant_id = ${M} AND NOT EXISTS (SELECT 1 FROM events e WHERE e.merchant_id = ${M} AND e.customer_id = c.id AND e.type = 'redemption' AND e.voided_at IS NULL)`,
    new_or_occasional: Prisma.sql`SELECT count(*)::int AS n FROM customers c LEFT JOIN (SELECT customer_id, sum(amount) AS s FROM events WHERE ${live} AND type = 'purchase' GROUP BY customer_id) p ON p.customer_id = c.id WHERE c.merchant_id = ${M} AND coalesce(p.s, 0) < 50`,
    engaged_members: Prisma.sql`SELECT count(*)::int AS n FROM (SELECT customer_id FROM events WHERE ${live} GROUP BY customer_id HAVING sum(greatest(points, 0)) >= 1000) x`,
    "compound: spent ≥ 500 AND no purchase in 60 days": having(["purchase"], Prisma.sql`sum(amount) >= 500 AND max(occurred_at) < ${since(60)}`),
    "compound: (gym regulars OR 5+ purchases) AND NOT uninstalled": having(["check_in", "purchase", "pass_uninstalled"],
      Prisma.sql`(count(*) FILTER (WHERE type = 'check_in' AND occurred_at >= ${since(30)} AND occurred_at <= ${nowSql}) >= 12 OR count(*) FILTER (WHERE type = 'purchase') >= 5) AND NOT bool_or(type = 'pass_uninstalled')`),
    "compound: 4+ check-ins in each of the last 3 months": having(["check_in"],
      Prisma.join(months.map((r) => Prisma.sql`count(*) FILTER (WHERE occurred_at >= ${r.start}::timestamptz AND occurred_at < ${r.end}::timestamptz) >= 4`), " AND "),
      Prisma.sql` AND occurred_at >= ${months[2]!.start}::timestamptz AND occurred_at < ${months[0]!.end}::timestamptz`),
  };

  const t = (key: string) => SEGMENT_TEMPLATES.find((x) => x.key === key)!.definition.conditions;
  const definitions: Record<string, SegmentDefinition> = Object.fromEntries(SEGMENT_TEMPLATES.map((x) => [x.key, x.definition]));
  definitions["compound: spent ≥ 500 AND no purchase in 60 days"] = { kind: "group", match: "all", conditions: [
    ...t("spend_500_plus"), { kind: "recency", event: { types: ["purchase"] }, within: false, window: { kind: "last_days", days: 60 }, includeNever: true },
  ] };
  definitions["compound: (gym regulars OR 5+ purchases) AND NOT uninstalled"] = { kind: "group", match: "all", conditions: [
    { kind: "group", match: "any", conditions: [...t("gym_regulars"), ...t("purchases_5_plus")] },
    { kind: "has", event: { types: ["pass_uninstalled"] }, window: { kind: "all_time" }, has: false },
  ] };
  definitions["compound: 4+ check-ins in each of the last 3 months"] = { kind: "group", match: "all", conditions: months.map((r) => ({
    kind: "count" as const, event: { types: ["check_in" as const] }, window: { kind: "between" as const, from: day(r.start), to: day(new Date(r.end.getTime() - 1)) }, compare: { op: "gte" as const, value: 4 },
  })) };

  const only = options.only?.split(",");
  const env = await evaluate.loadCompileEnv(scope, now);
  const total = await evaluate.totalCustomers(scope);
  console.log(`Merchant ${merchant.name} (${tz}): ${total} customers; median of ${RUNS} runs after a warm-up; load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
  // Index-only scans need the visibility map: a fresh bulk load has none until (auto)vacuum runs.
  const visible = await db.$queryRaw<{ relname: string; pct: number }[]>`SELECT relname::text, round(100.0 * relallvisible / greatest(relpages, 1))::int AS pct
    FROM pg_class WHERE relname IN ('customers', 'customer_passes', 'customer_rollups', 'events') ORDER BY relname`;
  console.log(`all-visible pages: ${visible.map((v) => `${v.relname} ${v.pct}%`).join(", ")}\n`);
  const header = ["definition", "segment ms", "reference ms", "ratio", "count", "equal", "members p1 id ms", "members p1 name ms"];
  const rows: string[][] = [];
  for (const [key, definition] of Object.entries(definitions)) {
    if (only && !only.some((o) => key.includes(o))) continue;
    const run = evaluate.compileFor(env, definition);
    if (options.explain) {
      const { countSql } = await import("../../lib/segments/compile");
      const plan = await evaluate.withSegmentQuery((tx) => tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${countSql(run.compiled, env)}`));
      console.log(`--- ${key}\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
      continue;
    }
    const { segment, reference } = await paired(() => evaluate.countMembers(run), async () => (await db.$queryRaw<{ n: number }[]>(references[key]!))[0]?.n ?? 0);
    const byId = await median(() => evaluate.membersAfter(run, null, 50));
    const byName = await median(() => evaluate.memberPage(run, { sort: "name", desc: false, page: 1, pageSize: 50 }));
    rows.push([key, msText(segment.ms), msText(reference.ms), (segment.ms / reference.ms).toFixed(2), String(segment.value), segment.value === reference.value ? "yes" : `NO (${reference.value})`, msText(byId.ms), msText(byName.ms)]);
    console.log(rows.at(-1)!.join(" | "));
  }
  console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  await db.$disconnect();
  await (await import("../../lib/db")).segmentDb.$disconnect();
}

if (!process.env[CHILD_FLAG] && process.argv[1] === SELF) {
  benchSegments(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if (process.env[CHILD_FLAG]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
