// The event side of the compiler: which events a condition looks at, as SQL over an alias of the
// events table, and the per-customer sets built from them. Every value from a definition is a
// bound parameter; the only raw SQL is fixed text chosen from allow-lists below.
import Decimal from "decimal.js";
import { Prisma } from "@/lib/generated/prisma/client";
import { activitySql } from "@/lib/events/activity";
import { VISIT_TYPES } from "@/lib/events/registry";
import type { CompareOp, DataFilter, DecimalCompare, EventMatch, SegmentWindow } from "./definition";
import { columnSource, endsAfterNow, firstColumnSet, recentColumnSet } from "./compile-columns";
import { resolveWindow, type InstantRange } from "./windows";

export interface CompileEnv {
  merchantId: string;
  timeZone: string;
  /** The moment of evaluation: rolling windows end here. */
  now: Date;
  /** Locations that still exist (a condition naming another counts nobody). */
  locationIds: ReadonlySet<string>;
  /** The merchant's saved segments (for member of). */
  segments: ReadonlyMap<string, { name: string; definition: unknown }>;
  /**
   * False when the merchant had no live event dated after `now` when the segment was compiled
   * (loadCompileEnv asks): then no customer's last event lies beyond a window that ends after now,
   * and the check for those (compile-columns.ts) is left out of the SQL. Unknown counts as true.
   */
  laterEvents?: boolean;
}

/** Fixed operator text, keyed by the definition's operator: the allow-list for comparisons. */
const OPERATOR: Record<Exclude<CompareOp, "between">, Prisma.Sql> = {
  gte: Prisma.raw(">="), gt: Prisma.raw(">"), eq: Prisma.raw("="), lte: Prisma.raw("<="), lt: Prisma.raw("<"),
};

/** `expr <op> value` for a comparison; `value` is already a parameter expression (typed). */
export function compareSql(expr: Prisma.Sql, op: CompareOp, value: Prisma.Sql, value2?: Prisma.Sql): Prisma.Sql {
  if (op === "between") return Prisma.sql`(${expr} BETWEEN ${value} AND ${value2 ?? value})`;
  return Prisma.sql`(${expr} ${OPERATOR[op]} ${value})`;
}

export const decimalParam = (v: string) => Prisma.sql`${v}::numeric`;
export const intParam = (v: number) => Prisma.sql`${v}::bigint`;

export function decimalCompareSql(expr: Prisma.Sql, c: DecimalCompare): Prisma.Sql {
  return compareSql(expr, c.op, decimalParam(c.value), c.value2 === undefined ? undefined : decimalParam(c.value2));
}

/**
 * A decimal comparison of a whole-number column, with whole-number bounds (exactly the same test:
 * "≥ 999.5" is "≥ 1000"), so that an index on an integer column applies; a numeric parameter
 * would make PostgreSQL compare the column as numeric and read every row.
 */
export function wholeCompareSql(expr: Prisma.Sql, c: DecimalCompare): Prisma.Sql {
  const v = new Decimal(c.value);
  const v2 = new Decimal(c.value2 ?? c.value);
  const whole = (d: Decimal) => intParam(d.toNumber());
  switch (c.op) {
    case "gte": return compareSql(expr, "gte", whole(v.ceil()));
    case "gt": return compareSql(expr, "gt", whole(v.floor()));
    case "lte": return compareSql(expr, "lte", whole(v.floor()));
    case "lt": return compareSql(expr, "lt", whole(v.ceil()));
    case "eq": return v.isInteger() ? compareSql(expr, "eq", whole(v)) : Prisma.sql`FALSE`;
    case "between": return compareSql(expr, "between", whole(v.ceil()), whole(v2.floor()));
  }
}

// A data value read as a number only when it looks like one, so text never fails a cast.
const NUMERIC_TEXT = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$";

function dataFilterSql(alias: Prisma.Sql, f: DataFilter): Prisma.Sql {
  const text = Prisma.sql`(${alias}.data ->> ${f.field}::text)`;
  switch (f.op) {
    case "equals":
      return Prisma.sql`${text} = ${f.value}::text`;
    case "one_of":
      return Prisma.sql`${text} = ANY(${f.values}::text[])`;
    case "contains":
      return Prisma.sql`strpos(lower(${text}), lower(${f.value}::text)) > 0`;
    case "compare":
      return decimalCompareSql(Prisma.sql`(CASE WHEN ${text} ~ ${NUMERIC_TEXT} THEN ${text}::numeric END)`, f.compare);
  }
}

export function rangeSql(alias: Prisma.Sql, column: Prisma.Sql, range: InstantRange): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (range.start) parts.push(Prisma.sql`${alias}.${column} >= ${range.start}::timestamptz`);
  if (range.end) parts.push(Prisma.sql`${alias}.${column} < ${range.end}::timestamptz`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The events a condition looks at, as a predicate over `alias` (merchant and voids included). */
export function eventMatchSql(alias: Prisma.Sql, match: EventMatch, env: CompileEnv): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`${alias}.merchant_id = ${env.merchantId}::uuid`, Prisma.sql`${alias}.voided_at IS NULL`];
  if (match.types === "activity") parts.push(activitySql(alias.text));
  else if (match.types !== "any") parts.push(Prisma.sql`${alias}.type = ANY(${match.types}::"EventType"[])`);
  if (match.locationId) parts.push(Prisma.sql`${alias}.location_id = ${match.locationId}::uuid`);
  if (match.customName) parts.push(Prisma.sql`${alias}.custom_name = ${match.customName}::text`);
  if (match.amount) parts.push(decimalCompareSql(Prisma.sql`${alias}.amount`, match.amount));
  for (const f of match.data ?? []) parts.push(dataFilterSql(alias, f));
  return Prisma.join(parts, " AND ");
}

/** Whether per-customer rollups answer this match exactly: all time, plain types, no filters. */
export function rollupAnswers(match: EventMatch, window: SegmentWindow): boolean {
  return window.kind === "all_time" && match.types !== "activity" && !match.locationId && !match.customName && !match.amount && !(match.data?.length);
}

export type Aggregate = "count" | "amount" | "points_earned";

/** A query selecting customer ids (one column); `unique` when no id appears twice. */
export interface CustomerSet {
  sql: Prisma.Sql;
  unique: boolean;
}
const unique = (sql: Prisma.Sql): CustomerSet => ({ sql, unique: true });
const repeating = (sql: Prisma.Sql): CustomerSet => ({ sql, unique: false });

const EVENT_AGGREGATE: Record<Aggregate, Prisma.Sql> = {
  count: Prisma.raw("count(*)"),
  amount: Prisma.raw("coalesce(sum(e.amount), 0)"),
  points_earned: Prisma.raw("coalesce(sum(greatest(e.points, 0)), 0)"),
};
// Rollup points are per customer × type net sums. The write path gives each type one sign (purchases
// earn, redemptions spend, other types carry none), so a row's positive part is exactly what was earned.
const ROLLUP_AGGREGATE: Record<Aggregate, Prisma.Sql> = {
  count: Prisma.raw("sum(r.count)"),
  amount: Prisma.raw("sum(r.amount)"),
  points_earned: Prisma.raw("sum(greatest(r.points, 0))"),
};

const ROLLUP_NONZERO: Record<Aggregate, Prisma.Sql> = {
  count: Prisma.raw("r.count <> 0"),
  amount: Prisma.raw("r.amount <> 0"),
  points_earned: Prisma.raw("r.points > 0"),
};

const ROLLUP_ROW: Record<Aggregate, Prisma.Sql> = {
  count: Prisma.raw("r.count"),
  amount: Prisma.raw("r.amount"),
  points_earned: Prisma.raw("greatest(r.points, 0)"),
};

const E = Prisma.raw("e");

const sameTypes = (types: EventMatch["types"], expected: ReadonlySet<string>) =>
  Array.isArray(types) && types.length === expected.size && types.every((t) => expected.has(t));

/**
 * The all-time sums the pass itself keeps with the pass rules (lib/events/pass-rules.ts), exact
 * under voids and undo, one indexed row per customer: visits (visit and check-in), spend
 * (purchases) and points earned (every type). Null when the pass does not answer.
 */
function passAggregate(match: EventMatch, window: SegmentWindow, aggregate: Aggregate): Prisma.Sql | null {
  if (!rollupAnswers(match, window)) return null;
  if (aggregate === "count" && sameTypes(match.types, VISIT_TYPES)) return Prisma.raw("p.visit_count");
  if (aggregate === "amount" && sameTypes(match.types, new Set(["purchase"]))) return Prisma.raw("p.lifetime_spend");
  if (aggregate === "points_earned" && match.types === "any") return Prisma.raw("p.points_earned");
  return null;
}

/**
 * Customers whose aggregate over the matched events satisfies `having` (a predicate over the
 * aggregate expression). Only customers with at least one row appear.
 */
export function aggregateSetSql(match: EventMatch, window: SegmentWindow, aggregate: Aggregate, having: (agg: Prisma.Sql) => Prisma.Sql, env: CompileEnv, minimum?: number): CustomerSet {
  const pass = passAggregate(match, window, aggregate);
  if (pass) return unique(Prisma.sql`SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = ${env.merchantId}::uuid AND ${having(pass)}`);
  if (rollupAnswers(match, window) && Array.isArray(match.types) && match.types.length === 1) {
    // One type is one rollup row per customer: no grouping, and the (merchant, type, count) index applies.
    return unique(Prisma.sql`SELECT r.customer_id FROM customer_rollups r WHERE r.merchant_id = ${env.merchantId}::uuid AND r.type = ${match.types[0]}::"EventType" AND ${having(ROLLUP_ROW[aggregate])}`);
  }
  if (rollupAnswers(match, window)) {
    const types = match.types === "any" ? Prisma.empty : Prisma.sql` AND r.type = ANY(${match.types as string[]}::"EventType"[])`;
    // Rows adding nothing to the aggregate are skipped: a customer left without rows has 0, which
    // is how customers without events are counted anyway (fewer rows to group for "any" type).
    return unique(Prisma.sql`SELECT r.customer_id FROM customer_rollups r WHERE r.merchant_id = ${env.merchantId}::uuid${types} AND ${ROLLUP_NONZERO[aggregate]} GROUP BY r.customer_id HAVING ${having(ROLLUP_AGGREGATE[aggregate])}`);
  }
  const range = resolveWindow(window, env.now, env.timeZone);
  return unique(Prisma.sql`SELECT e.customer_id FROM events e WHERE ${eventMatchSql(E, match, env)} AND ${rangeSql(E, Prisma.raw("occurred_at"), range)}${candidatesSql(match, range, env, minimum)} GROUP BY e.customer_id HAVING ${having(EVENT_AGGREGATE[aggregate])}`);
}

/**
 * For a count in a window that needs at least `minimum` events of one type: only customers with
 * that many ever, whose first is before the window's end and last after its start, can pass. That
 * is one range of the rollups' recency index; the planner probes the events of a few candidates
 * or hashes many ("12 check-ins in 30 days" when no one has 12 check-ins is no scan of 30 days).
 */
function candidatesSql(match: EventMatch, range: InstantRange, env: CompileEnv, minimum: number | undefined): Prisma.Sql {
  // Filters (location, amount, data) only narrow the type's events, so the type's rollup still bounds them.
  const type = Array.isArray(match.types) && match.types.length === 1 ? match.types[0] : undefined;
  if (minimum === undefined || !range.start || !type) return Prisma.empty;
  const end = range.end ? Prisma.sql` AND k.first_at < ${range.end}::timestamptz` : Prisma.empty;
  return Prisma.sql` AND e.customer_id IN (SELECT k.customer_id FROM customer_rollups k WHERE k.merchant_id = ${env.merchantId}::uuid AND k.type = ${type}::"EventType"
    AND k.last_at >= ${range.start}::timestamptz AND k.count >= ${intParam(minimum)}${end})`;
}

const plainActivity = (match: EventMatch) => match.types === "activity" && !match.locationId && !match.customName && !match.amount && !(match.data?.length);

/** Customers with at least one matched event in the window. */
export function hasSetSql(match: EventMatch, window: SegmentWindow, env: CompileEnv): CustomerSet {
  if (rollupAnswers(match, window)) return aggregateSetSql(match, window, "count", (agg) => Prisma.sql`${agg} > 0`, env);
  // The write path keeps the pass's last activity exact under voids (lib/events/pass-rules.ts), so
  // "has any activity, ever" is one column of the pass instead of a scan of every event.
  if (plainActivity(match) && window.kind === "all_time") {
    return unique(Prisma.sql`SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = ${env.merchantId}::uuid AND p.last_seen_at IS NOT NULL`);
  }
  const range = resolveWindow(window, env.now, env.timeZone);
  // A window up to now is "the last matched event is in it": one indexed column, not every event.
  const source = columnSource(match);
  if (source && endsAfterNow(range, env)) return recentColumnSet(source, range, env);
  return repeating(Prisma.sql`SELECT e.customer_id FROM events e WHERE ${eventMatchSql(E, match, env)} AND ${rangeSql(E, Prisma.raw("occurred_at"), range)}`);
}

/** Customers whose first matched event ever falls in the window. */
export function firstTimeSetSql(match: EventMatch, window: SegmentWindow, env: CompileEnv): CustomerSet {
  const range = resolveWindow(window, env.now, env.timeZone);
  if (!range.start) return hasSetSql(match, window, env);
  const source = columnSource(match);
  if (source) return firstColumnSet(source, { start: range.start, end: range.end }, env);
  const w = Prisma.raw("w");
  const b = Prisma.raw("b");
  // Candidates come from the window (small, by the time index); each is checked for an earlier event.
  return repeating(Prisma.sql`SELECT w.customer_id FROM events w WHERE ${eventMatchSql(w, match, env)} AND ${rangeSql(w, Prisma.raw("occurred_at"), range)}
    AND NOT EXISTS (SELECT 1 FROM events b WHERE ${eventMatchSql(b, match, env)} AND b.customer_id = w.customer_id AND b.occurred_at < ${range.start}::timestamptz)`);
}
