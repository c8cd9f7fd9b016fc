// Recency and first-time from per-customer columns instead of a scan of the events: the write path
// keeps, exact under voids and import undo (lib/events/rollups.ts, lib/events/fold.ts),
// * customer_rollups.first_at / last_at per customer × type: the first and last live event;
// * customer_passes.first_seen_at / last_seen_at: the first and last activity (lib/events/activity.ts).
// They answer only plain matches (no location, custom name, amount or data filter). "Last event
// within [start, end)" is "last ≥ start", except for customers whose last event lies after the
// window's end (future-dated events): those few are checked against the events themselves, so
// the answer stays exact for any window. The property test (tests/integration/segments-property)
// compares all of this with an in-memory evaluation, with rollups built by the write path's SQL.
import { Prisma } from "@/lib/generated/prisma/client";
import { activitySql } from "@/lib/events/activity";
import type { EventType } from "@/lib/events/registry";
import type { CompileEnv, CustomerSet } from "./compile-events";
import type { EventMatch } from "./definition";
import type { InstantRange } from "./windows";

/** Where a plain match's first and last event live: rollup rows of these types, or the pass. */
export type ColumnSource = { kind: "rollups"; types: EventType[] | "any" } | { kind: "pass" };

export function columnSource(match: EventMatch): ColumnSource | null {
  if (match.locationId || match.customName || match.amount || match.data?.length) return null;
  return match.types === "activity" ? { kind: "pass" } : { kind: "rollups", types: match.types };
}

/** A window that starts somewhere and ends after the moment of evaluation (rolling, this month). */
export function endsAfterNow(range: InstantRange, env: CompileEnv): range is { start: Date; end: Date | null } {
  return range.start !== null && (range.end === null || range.end.getTime() > env.now.getTime());
}

interface Shape {
  /** FROM + WHERE prefix selecting the rows of the source for the merchant. */
  from: Prisma.Sql;
  first: Prisma.Sql;
  last: Prisma.Sql;
  /** Whether the customer (of this row) has a live matched event in the window, from the events. */
  eventsIn: (range: InstantRange) => Prisma.Sql;
  /** One row per customer (a single type, or the pass). */
  unique: boolean;
}

function shape(source: ColumnSource, env: CompileEnv): Shape {
  const live = (alias: string, range: InstantRange) => Prisma.join([
    Prisma.sql`l.merchant_id = ${env.merchantId}::uuid AND l.customer_id = ${Prisma.raw(alias)}.customer_id AND l.voided_at IS NULL`,
    ...(range.start ? [Prisma.sql`l.occurred_at >= ${range.start}::timestamptz`] : []),
    ...(range.end ? [Prisma.sql`l.occurred_at < ${range.end}::timestamptz`] : []),
  ], " AND ");
  if (source.kind === "pass") {
    return {
      from: Prisma.sql`FROM customer_passes p WHERE p.merchant_id = ${env.merchantId}::uuid`,
      first: Prisma.sql`p.first_seen_at`, last: Prisma.sql`p.last_seen_at`, unique: true,
      eventsIn: (range) => Prisma.sql`EXISTS (SELECT 1 FROM events l WHERE ${live("p", range)} AND ${activitySql("l")})`,
    };
  }
  const types = source.types === "any" ? Prisma.empty
    : source.types.length === 1 ? Prisma.sql` AND r.type = ${source.types[0]}::"EventType"`
    : Prisma.sql` AND r.type = ANY(${source.types}::"EventType"[])`;
  return {
    from: Prisma.sql`FROM customer_rollups r WHERE r.merchant_id = ${env.merchantId}::uuid${types}`,
    first: Prisma.sql`r.first_at`, last: Prisma.sql`r.last_at`, unique: source.types !== "any" && source.types.length === 1,
    // The row's own type: a customer has a matched event in the window iff one of their rows does.
    eventsIn: (range) => Prisma.sql`EXISTS (SELECT 1 FROM events l WHERE ${live("r", range)} AND l.type = r.type)`,
  };
}

const customerOf = (source: ColumnSource) => Prisma.raw(source.kind === "pass" ? "p.customer_id" : "r.customer_id");

/** Customers with a matched event in the window (which must end after the moment of evaluation). */
/** The window's end as the columns need it: none when no event lies after now (so none after the end). */
const columnEnd = (range: { end: Date | null }, env: CompileEnv) => (env.laterEvents === false ? null : range.end);

export function recentColumnSet(source: ColumnSource, window: { start: Date; end: Date | null }, env: CompileEnv): CustomerSet {
  const range = { start: window.start, end: columnEnd(window, env) };
  const s = shape(source, env);
  const beyond = range.end ? Prisma.sql` AND (${s.last} < ${range.end}::timestamptz OR ${s.eventsIn(range)})` : Prisma.empty;
  return { sql: Prisma.sql`SELECT ${customerOf(source)} ${s.from} AND ${s.last} >= ${range.start}::timestamptz${beyond}`, unique: s.unique };
}

/**
 * Customers with a matched event ever but none in the window ("has purchased, but not in the
 * last 60 days"), when one row per customer answers it; null otherwise (the caller composes).
 */
export function staleColumnSet(source: ColumnSource, window: { start: Date; end: Date | null }, env: CompileEnv): CustomerSet | null {
  const range = { start: window.start, end: columnEnd(window, env) };
  const s = shape(source, env);
  if (!s.unique) return null;
  // A zero-count rollup row (everything voided) has no last event: NULL fails both comparisons.
  // Two ranges of the index, each read from the index alone (one OR made it fetch every row), and
  // disjoint (start < end), so the union lists each customer once.
  const before = Prisma.sql`SELECT ${customerOf(source)} ${s.from} AND ${s.last} < ${range.start}::timestamptz`;
  if (!range.end) return { sql: before, unique: true };
  return { sql: Prisma.sql`${before} UNION ALL SELECT ${customerOf(source)} ${s.from} AND ${s.last} >= ${range.end}::timestamptz AND NOT ${s.eventsIn(range)}`, unique: true };
}

/** Customers whose first matched event ever falls in the window (start required). */
export function firstColumnSet(source: ColumnSource, range: { start: Date; end: Date | null }, env: CompileEnv): CustomerSet {
  const s = shape(source, env);
  const test = (first: Prisma.Sql) => Prisma.join([
    Prisma.sql`${first} >= ${range.start}::timestamptz`,
    ...(range.end ? [Prisma.sql`${first} < ${range.end}::timestamptz`] : []),
  ], " AND ");
  if (s.unique) return { sql: Prisma.sql`SELECT ${customerOf(source)} ${s.from} AND ${test(s.first)}`, unique: true };
  return { sql: Prisma.sql`SELECT r.customer_id ${s.from} GROUP BY r.customer_id HAVING ${test(Prisma.sql`min(r.first_at)`)}`, unique: true };
}
