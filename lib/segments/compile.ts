// THE segment compiler: a validated definition becomes one parameterized SQL predicate over the
// customer row `c` (and from it one query for the count, the members, the export, the API and
// the automations). Each condition is "c.id IN / NOT IN (a set of customer ids)", so AND, OR and
// NOT compose as plain boolean logic and customers with no events count as zero where they should.
// Nothing from a definition reaches SQL except as a bound parameter or through the allow-lists here
// and in compile-events.ts.
import Decimal from "decimal.js";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import {
  aggregateSetSql, compareSql, decimalCompareSql, firstTimeSetSql, hasSetSql, intParam, rangeSql, type Aggregate, type CompileEnv,
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

export interface CompiledSegment {
  /** A boolean SQL expression over `c` (customers), true for members. */
  predicate: Prisma.Sql;
  warnings: CompileWarning[];
}

const TRUE = Prisma.sql`TRUE`;
const FALSE = Prisma.sql`FALSE`;
const inSet = (set: Prisma.Sql) => Prisma.sql`c.id IN (${set})`;
const notInSet = (set: Prisma.Sql) => Prisma.sql`c.id NOT IN (${set})`;

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
function aggregatePredicate(sets: (having: (agg: Prisma.Sql) => Prisma.Sql) => Prisma.Sql, test: (agg: Prisma.Sql) => Prisma.Sql, zeroIn: boolean): Prisma.Sql {
  // When 0 passes, exclude only the customers whose (non-zero-row) aggregate fails.
  return zeroIn ? notInSet(sets((agg) => Prisma.sql`NOT ${test(agg)}`)) : inSet(sets(test));
}

class Compiler {
  readonly warnings: CompileWarning[] = [];
  constructor(
    private readonly env: CompileEnv,
    /** The saved segments being expanded, outermost first: a repeat is a cycle. */
    private readonly stack: string[] = [],
  ) {}

  group(g: SegmentGroup, path: string): Prisma.Sql {
    const parts = g.conditions.map((c, i) => {
      const childPath = `${path}conditions[${i}]`;
      return c.kind === "group" ? this.group(c, `${childPath}.`) : this.condition(c, childPath);
    });
    // An empty group constrains nothing, whichever way it is joined.
    const joined = parts.length === 0 ? TRUE : Prisma.sql`(${Prisma.join(parts, g.match === "all" ? " AND " : " OR ")})`;
    return g.negate ? Prisma.sql`(NOT ${joined})` : joined;
  }

  private warn(path: string, message: string): Prisma.Sql {
    this.warnings.push({ path, message });
    return FALSE;
  }

  condition(c: Condition, path: string): Prisma.Sql {
    const env = this.env;
    if ("event" in c && c.event.locationId && !env.locationIds.has(c.event.locationId)) {
      return this.warn(path, "This condition names a location that no longer exists, so it counts nobody.");
    }
    switch (c.kind) {
      case "count":
        return aggregatePredicate((having) => aggregateSetSql(c.event, c.window, "count", having, env), (agg) => countCompareSql(agg, c.compare), zeroSatisfies(c.compare));
      case "sum": {
        const aggregate: Aggregate = c.field === "amount" ? "amount" : "points_earned";
        return aggregatePredicate((having) => aggregateSetSql(c.event, c.window, aggregate, having, env), (agg) => decimalCompareSql(agg, c.compare), zeroSatisfies(c.compare));
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
        const recent = hasSetSql(c.event, c.window, env);
        const ever = hasSetSql(c.event, { kind: "all_time" }, env);
        if (c.within) return c.includeNever ? Prisma.sql`(${inSet(recent)} OR ${notInSet(ever)})` : inSet(recent);
        return c.includeNever ? notInSet(recent) : Prisma.sql`(${inSet(ever)} AND ${notInSet(recent)})`;
      }
      case "attribute":
        return this.attribute(c);
      case "member_of":
        return this.memberOf(c.segmentId, c.member, path);
    }
  }

  private attribute(c: Extract<Condition, { kind: "attribute" }>): Prisma.Sql {
    const passes = (where: Prisma.Sql) => Prisma.sql`SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = ${this.env.merchantId}::uuid AND ${where}`;
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
      case "customer_since":
        return rangeSql(Prisma.raw("c"), Prisma.raw("created_at"), resolveWindow(c.window, this.env.now, this.env.timeZone));
    }
  }

  private memberOf(segmentId: string, member: boolean, path: string): Prisma.Sql {
    const segment = this.env.segments.get(segmentId);
    if (!segment) return this.warn(path, "This condition names a segment that no longer exists, so it counts nobody.");
    if (this.stack.includes(segmentId)) {
      throw new AppError("validation_error", `“${segment.name}” would include itself through member-of conditions. Remove one of them.`, { path });
    }
    const parsed = parseDefinition(segment.definition);
    if (!parsed.ok) return this.warn(path, `The segment “${segment.name}” has a definition that is no longer valid, so this condition counts nobody.`);
    // Warnings inside another segment are that segment's; here they become one warning on this condition.
    const inner = new Compiler(this.env, [...this.stack, segmentId]);
    const predicate = inner.group(parsed.definition, "");
    if (inner.warnings.length) this.warnings.push({ path, message: `The segment “${segment.name}” has a condition that counts nobody: ${inner.warnings[0]?.message}` });
    return member ? predicate : Prisma.sql`(NOT ${predicate})`;
  }
}

/**
 * Compiles a definition for one merchant. `selfId` (when editing a saved segment) refuses a
 * definition that would include itself through member-of conditions.
 */
export function compileSegment(definition: SegmentGroup, env: CompileEnv, selfId?: string): CompiledSegment {
  const compiler = new Compiler(env, selfId ? [selfId] : []);
  const predicate = compiler.group(definition, "");
  return { predicate, warnings: compiler.warnings };
}

/** The count of members: one query. */
export function countSql(compiled: CompiledSegment, env: CompileEnv): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS count FROM customers c WHERE c.merchant_id = ${env.merchantId}::uuid AND ${compiled.predicate}`;
}
