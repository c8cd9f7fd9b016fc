// THE segment compiler: a validated definition becomes one parameterized SQL query, in two
// renderings of the same logic, used by the preview, the members list, the export, the API and the
// automations:
// * a set of customer ids — the members, or the customers who are NOT members (a Term below):
//   AND, OR and NOT compose as semi-joins, anti-joins and unions, so the count of "5+ purchases"
//   counts the rollup rows that say so instead of testing every one of 1M customers;
// * boolean predicates over the customer row `c`, for walking the customers in a sort order until a
//   page is full: "c.id IN / NOT IN (set)" per condition (each set hashed once), or, when the walk
//   is short, "EXISTS (set, for this customer)" (each set probed by the customer's id).
// Each condition is a set of customer ids; customers with no events count as zero where they
// should (a condition 0 satisfies is "not in the set of customers who fail it").
// Nothing from a definition reaches SQL except as a bound parameter or through the allow-lists here
// and in compile-events.ts.
import Decimal from "decimal.js";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import {
  aggregateSetSql, compareSql, type CustomerSet, decimalCompareSql, firstTimeSetSql, hasSetSql, intParam, rangeSql, wholeCompareSql, type Aggregate, type CompileEnv,
} from "./compile-events";
import { columnSource, endsAfterNow, staleColumnSet } from "./compile-columns";
import { parseDefinition, type Condition, type CountCompare, type DecimalCompare, type SegmentGroup } from "./definition";
import { resolveWindow } from "./windows";

export type { CompileEnv } from "./compile-events";

export interface CompileWarning {
  /** Path of the condition in the definition, e.g. `conditions[1]`. */
  path: string;
  message: string;
}

/**
 * Who a definition (or any part of it) holds for: the customers in `set` when `positive`, else every
 * customer of the merchant except those in `set`. `set` selects one column of customer ids (of this
 * merchant only: every source is scoped), null for no one; `unique` when it lists nobody twice.
 * `predicate` and `probe` are the same as boolean expressions over the customer row `c`.
 */
export interface Term {
  positive: boolean;
  set: Prisma.Sql | null;
  unique: boolean;
  /** `c.id IN (set)`: PostgreSQL builds each set once, as a hash, then tests customers against it. */
  predicate: Prisma.Sql;
  /**
   * `EXISTS (set, for c)`: each set is run for one customer at a time, its conditions narrowed to
   * that customer's id (an index probe each), which is what a walk of a few thousand customers
   * wants instead of building a hash of a 600,000-customer set. OFFSET 0 keeps PostgreSQL from
   * turning it into a join (or a hash) over the whole set.
   */
  probe: Prisma.Sql;
}

export interface CompiledSegment {
  /** The members as a set (or the complement of one), with its predicates over `c`. */
  term: Term;
  warnings: CompileWarning[];
}

const TRUE_TERM: Term = { positive: false, set: null, unique: true, predicate: Prisma.sql`TRUE`, probe: Prisma.sql`TRUE` };
const FALSE_TERM: Term = { positive: true, set: null, unique: true, predicate: Prisma.sql`FALSE`, probe: Prisma.sql`FALSE` };
const probeOf = (sql: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM (${sql}) AS s0(id) WHERE s0.id = c.id OFFSET 0)`;
const inSet = ({ sql, unique }: CustomerSet): Term => ({ positive: true, set: sql, unique, predicate: Prisma.sql`c.id IN (${sql})`, probe: probeOf(sql) });
const notInSet = ({ sql, unique }: CustomerSet): Term => ({ positive: false, set: sql, unique, predicate: Prisma.sql`c.id NOT IN (${sql})`, probe: Prisma.sql`NOT ${probeOf(sql)}` });
/** Pass rows: one per customer. */
const passSet = (sql: Prisma.Sql): CustomerSet => ({ sql, unique: true });

const negate = (t: Term): Term => ({ positive: !t.positive, set: t.set, unique: t.unique, predicate: Prisma.sql`(NOT ${t.predicate})`, probe: Prisma.sql`(NOT ${t.probe})` });

/** Both predicates of several terms joined by AND or OR. */
function joined(terms: Term[], op: " AND " | " OR "): Pick<Term, "predicate" | "probe"> {
  if (terms.length === 0) return { predicate: Prisma.sql`TRUE`, probe: Prisma.sql`TRUE` };
  return { predicate: Prisma.sql`(${Prisma.join(terms.map((t) => t.predicate), op)})`, probe: Prisma.sql`(${Prisma.join(terms.map((t) => t.probe), op)})` };
}

/**
 * Aliases for sets in FROM: fixed text, never from a definition. A set is never correlated with the
 * query around it, so the same names may repeat at another depth; siblings take different ones.
 */
const alias = (i: number) => Prisma.raw(`s${i}`);

/** `set` as a FROM item with its one column named id. */
const from = (set: Prisma.Sql, a: Prisma.Sql) => Prisma.sql`(${set}) AS ${a}(id)`;

/**
 * Ids in the first of `keep`, and in every other of `keep`, and in none of `drop`: semi- and
 * anti-joins the planner runs as hash joins or index probes. `keep` must not be empty.
 */
function intersect(keep: { set: Prisma.Sql; unique: boolean }[], drop: Prisma.Sql[]): { set: Prisma.Sql; unique: boolean } {
  // A set that lists each customer once drives, so the result does too.
  const first = keep.find((k) => k.unique) ?? keep[0]!;
  const rest = keep.filter((k) => k !== first);
  if (rest.length === 0 && drop.length === 0) return first;
  const a = alias(0);
  const tests = [
    ...rest.map((k, i) => Prisma.sql`EXISTS (SELECT 1 FROM ${from(k.set, alias(i + 1))} WHERE ${alias(i + 1)}.id = ${a}.id)`),
    ...drop.map((d, i) => Prisma.sql`NOT EXISTS (SELECT 1 FROM ${from(d, alias(rest.length + i + 1))} WHERE ${alias(rest.length + i + 1)}.id = ${a}.id)`),
  ];
  return { set: Prisma.sql`SELECT ${a}.id FROM ${from(first.set, a)} WHERE ${Prisma.join(tests, " AND ")}`, unique: first.unique };
}

/**
 * Ids in any of `sets`, each once: the first set, then each next one less those before it
 * (anti-joins, usually against a small side) instead of one hash of every id of every set: "gym
 * regulars OR 5+ purchases" hashed 362,000 ids to remove no duplicates. Each set runs once (a
 * CTE; the probes of member pages never read this rendering, only the leaves' own).
 */
function union(sets: { set: Prisma.Sql; unique: boolean }[]): { set: Prisma.Sql; unique: boolean } {
  if (sets.length === 1) return sets[0]!;
  const name = (i: number) => Prisma.raw(`u${i}`);
  // A set that may list a customer twice is made unique as it is stored.
  const ctes = sets.map((s, i) => Prisma.sql`${name(i)} AS MATERIALIZED (SELECT ${s.unique ? Prisma.empty : Prisma.sql`DISTINCT `}s0.id FROM ${from(s.set, alias(0))})`);
  const branches = sets.map((_, i) => {
    if (i === 0) return Prisma.sql`SELECT ${name(0)}.id FROM ${name(0)}`;
    const earlier = sets.slice(0, i).map((__, j) => Prisma.sql`NOT EXISTS (SELECT 1 FROM ${name(j)} WHERE ${name(j)}.id = ${name(i)}.id)`);
    return Prisma.sql`SELECT ${name(i)}.id FROM ${name(i)} WHERE ${Prisma.join(earlier, " AND ")}`;
  });
  return { set: Prisma.sql`WITH ${Prisma.join(ctes, ", ")} ${Prisma.join(branches, " UNION ALL ")}`, unique: true };
}

/** AND of terms: members of all; in sets, (∩ positives) − (∪ negatives), or the complement of ∪ negatives. */
function allOf(terms: Term[]): Term {
  if (terms.some((t) => t.positive && t.set === null)) return FALSE_TERM;
  const live = terms.filter((t) => t.set !== null);
  const both = joined(terms, " AND ");
  const keep = live.filter((t) => t.positive).map((t) => ({ set: t.set!, unique: t.unique }));
  const drop = live.filter((t) => !t.positive).map((t) => ({ set: t.set!, unique: t.unique }));
  if (keep.length > 0) return { positive: true, ...intersect(keep, drop.map((d) => d.set)), ...both };
  if (drop.length === 0) return { ...TRUE_TERM, ...both };
  return { positive: false, ...union(drop), ...both };
}

/** OR of terms: ¬(AND of the negations). */
function anyOf(terms: Term[]): Term {
  // An empty group constrains nothing, whichever way it is joined.
  if (terms.length === 0) return TRUE_TERM;
  return { ...negate(allOf(terms.map(negate))), ...joined(terms, " OR ") };
}

/** Whether 0 satisfies a comparison: then customers with no such events are members too. */
export function zeroSatisfies(c: CountCompare | DecimalCompare): boolean {
  const v = new Decimal(c.value);
  const v2 = new Decimal(c.value2 ?? c.value);
  switch (c.op) {
    case "gte": return v.lte(0);
    case "gt": return v.lt(0);
    case "eq": return v.eq(0);
    case "lte": return v.gte(0);
    case "lt": return v.gt(0);
    case "between": return v.lte(0) && v2.gte(0);
  }
}

function countCompareSql(agg: Prisma.Sql, c: CountCompare): Prisma.Sql {
  return compareSql(agg, c.op, intParam(c.value), c.value2 === undefined ? undefined : intParam(c.value2));
}

/** Members are those whose aggregate satisfies the comparison, customers with none counting as 0. */
function aggregatePredicate(sets: (having: (agg: Prisma.Sql) => Prisma.Sql, passing: boolean) => CustomerSet, test: (agg: Prisma.Sql) => Prisma.Sql, zeroIn: boolean): Term {
  // When 0 passes, exclude only the customers whose (non-zero-row) aggregate fails.
  return zeroIn ? notInSet(sets((agg) => Prisma.sql`NOT ${test(agg)}`, false)) : inSet(sets(test, true));
}

/** The fewest events a count that 0 does not satisfy needs (≥ 1). */
export function minimumCount(c: CountCompare): number {
  switch (c.op) {
    case "gte": case "eq": case "between": return Math.max(1, c.value);
    case "gt": return Math.max(1, c.value + 1);
    case "lte": case "lt": return 1;
  }
}

class Compiler {
  readonly warnings: CompileWarning[] = [];
  constructor(
    private readonly env: CompileEnv,
    /** The saved segments being expanded, outermost first: a repeat is a cycle. */
    private readonly stack: string[] = [],
  ) {}

  group(g: SegmentGroup, path: string): Term {
    const parts = g.conditions.map((c, i) => {
      const childPath = `${path}conditions[${i}]`;
      return c.kind === "group" ? this.group(c, `${childPath}.`) : this.condition(c, childPath);
    });
    const joined = g.match === "all" ? allOf(parts) : anyOf(parts);
    return g.negate ? negate(joined) : joined;
  }

  private warn(path: string, message: string): Term {
    this.warnings.push({ path, message });
    return FALSE_TERM;
  }

  condition(c: Condition, path: string): Term {
    const env = this.env;
    if ("event" in c && c.event.locationId && !env.locationIds.has(c.event.locationId)) {
      return this.warn(path, "This condition names a location that no longer exists, so it counts nobody.");
    }
    switch (c.kind) {
      case "count":
        // The customers who pass have at least that many such events ever: the rollups narrow the candidates.
        return aggregatePredicate((having, passing) => aggregateSetSql(c.event, c.window, "count", having, env, passing ? minimumCount(c.compare) : undefined), (agg) => countCompareSql(agg, c.compare), zeroSatisfies(c.compare));
      case "sum": {
        const aggregate: Aggregate = c.field === "amount" ? "amount" : "points_earned";
        // Points are whole numbers wherever they are summed: whole bounds keep the pass's index usable.
        const test = aggregate === "points_earned" ? (agg: Prisma.Sql) => wholeCompareSql(agg, c.compare) : (agg: Prisma.Sql) => decimalCompareSql(agg, c.compare);
        return aggregatePredicate((having) => aggregateSetSql(c.event, c.window, aggregate, having, env), test, zeroSatisfies(c.compare));
      }
      case "has":
        return c.has ? inSet(hasSetSql(c.event, c.window, env)) : notInSet(hasSetSql(c.event, c.window, env));
      case "first_time":
        return inSet(firstTimeSetSql(c.event, c.window, env));
      case "recency": {
        // Plain matches: "ever, but not in the window" is one row per customer (compile-columns.ts).
        const range = resolveWindow(c.window, env.now, env.timeZone);
        const source = columnSource(c.event);
        const stale = source && endsAfterNow(range, env) ? staleColumnSet(source, range, env) : null;
        if (stale) {
          // within + never = not stale; not within + never = not recent; not within alone = stale.
          if (c.within) return c.includeNever ? notInSet(stale) : inSet(hasSetSql(c.event, c.window, env));
          return c.includeNever ? notInSet(hasSetSql(c.event, c.window, env)) : inSet(stale);
        }
        const recent = inSet(hasSetSql(c.event, c.window, env));
        const ever = inSet(hasSetSql(c.event, { kind: "all_time" }, env));
        if (c.within) return c.includeNever ? anyOf([recent, negate(ever)]) : recent;
        return c.includeNever ? negate(recent) : allOf([ever, negate(recent)]);
      }
      case "attribute":
        return this.attribute(c);
      case "member_of":
        return this.memberOf(c.segmentId, c.member, path);
    }
  }

  private attribute(c: Extract<Condition, { kind: "attribute" }>): Term {
    const passes = (where: Prisma.Sql) => passSet(Prisma.sql`SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = ${this.env.merchantId}::uuid AND ${where}`);
    switch (c.attribute) {
      case "tier": {
        const names = c.values.filter((v): v is string => v !== null);
        const none = c.values.includes(null) ? Prisma.sql` OR p.tier IS NULL` : Prisma.empty;
        const set = passes(Prisma.sql`(p.tier = ANY(${names}::text[])${none})`);
        return c.op === "in" ? inSet(set) : notInSet(set);
      }
      case "pass_status": {
        const set = passes(Prisma.sql`p.pass_status = ANY(${c.values}::"PassStatus"[])`);
        return c.op === "in" ? inSet(set) : notInSet(set);
      }
      case "points_balance":
        return inSet(passes(countCompareSql(Prisma.sql`p.points_balance`, c.compare)));
      case "visit_count":
        return inSet(passes(countCompareSql(Prisma.sql`p.visit_count`, c.compare)));
      case "lifetime_spend":
        return inSet(passes(decimalCompareSql(Prisma.sql`p.lifetime_spend`, c.compare)));
      case "customer_since": {
        const range = rangeSql(Prisma.raw("k"), Prisma.raw("created_at"), resolveWindow(c.window, this.env.now, this.env.timeZone));
        const set = Prisma.sql`SELECT k.id FROM customers k WHERE k.merchant_id = ${this.env.merchantId}::uuid AND ${range}`;
        const own = rangeSql(Prisma.raw("c"), Prisma.raw("created_at"), resolveWindow(c.window, this.env.now, this.env.timeZone));
        return { positive: true, set, unique: true, predicate: own, probe: own };
      }
    }
  }

  private memberOf(segmentId: string, member: boolean, path: string): Term {
    const segment = this.env.segments.get(segmentId);
    if (!segment) return this.warn(path, "This condition names a segment that no longer exists, so it counts nobody.");
    if (this.stack.includes(segmentId)) {
      throw new AppError("validation_error", `“${segment.name}” would include itself through member-of conditions. Remove one of them.`, { path });
    }
    const parsed = parseDefinition(segment.definition);
    if (!parsed.ok) return this.warn(path, `The segment “${segment.name}” has a definition that is no longer valid, so this condition counts nobody.`);
    // Warnings inside another segment are that segment's; here they become one warning on this condition.
    const inner = new Compiler(this.env, [...this.stack, segmentId]);
    const term = inner.group(parsed.definition, "");
    if (inner.warnings.length) this.warnings.push({ path, message: `The segment “${segment.name}” has a condition that counts nobody: ${inner.warnings[0]?.message}` });
    return member ? term : negate(term);
  }
}

/**
 * Compiles a definition for one merchant. `selfId` (when editing a saved segment) refuses a
 * definition that would include itself through member-of conditions.
 */
export function compileSegment(definition: SegmentGroup, env: CompileEnv, selfId?: string): CompiledSegment {
  const compiler = new Compiler(env, selfId ? [selfId] : []);
  const term = compiler.group(definition, "");
  return { term, warnings: compiler.warnings };
}

/** How many customers the set lists (once each). */
function setCount(t: Term): Prisma.Sql {
  if (t.set === null) return Prisma.sql`0`;
  const a = alias(0);
  return t.unique ? Prisma.sql`(SELECT count(*) FROM (${t.set}) AS ${a})` : Prisma.sql`(SELECT count(DISTINCT ${a}.id) FROM ${from(t.set, a)})`;
}

/** The count of members: one query, counting the set (or all customers less the set). */
export function countSql(compiled: CompiledSegment, env: CompileEnv): Prisma.Sql {
  const t = compiled.term;
  if (t.positive) return Prisma.sql`SELECT ${setCount(t)}::int AS count`;
  return Prisma.sql`SELECT ((SELECT count(*) FROM customers k WHERE k.merchant_id = ${env.merchantId}::uuid) - ${setCount(t)})::int AS count`;
}

/**
 * The members' ids as one query (each once), optionally only those after `afterId`: the set
 * itself, or the merchant's customers less the set.
 */
export function memberIdsSql(compiled: CompiledSegment, env: CompileEnv, afterId?: string | null): Prisma.Sql {
  const t = compiled.term;
  if (t.positive) {
    if (t.set === null) return Prisma.sql`SELECT NULL::uuid AS id WHERE FALSE`;
    const a = alias(0);
    const after = afterId ? Prisma.sql` WHERE ${a}.id > ${afterId}::uuid` : Prisma.empty;
    return Prisma.sql`SELECT ${t.unique ? Prisma.empty : Prisma.sql`DISTINCT `}${a}.id FROM ${from(t.set, a)}${after}`;
  }
  const after = afterId ? Prisma.sql` AND k.id > ${afterId}::uuid` : Prisma.empty;
  if (t.set === null) return Prisma.sql`SELECT k.id FROM customers k WHERE k.merchant_id = ${env.merchantId}::uuid${after}`;
  const b = alias(0);
  return Prisma.sql`SELECT k.id FROM customers k WHERE k.merchant_id = ${env.merchantId}::uuid${after} AND NOT EXISTS (SELECT 1 FROM ${from(t.set, b)} WHERE ${b}.id = k.id)`;
}
