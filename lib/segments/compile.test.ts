// The compiler's output per kind: which SQL shape each condition becomes and that every value of
// the definition travels as a bound parameter (never in the SQL text).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { compileSegment, countSql, memberIdsSql, zeroSatisfies, type CompileEnv } from "./compile";
import type { Condition, SegmentDefinition } from "./definition";

const M = "0190a000-0000-7000-8000-000000000001";
const LOC = "0190a000-0000-7000-8000-0000000000aa";
const env: CompileEnv = {
  merchantId: M, timeZone: "America/New_York", now: new Date("2026-03-15T16:00:00Z"),
  locationIds: new Set([LOC]), segments: new Map(),
};
const one = (c: Condition): SegmentDefinition => ({ kind: "group", match: "all", conditions: [c] });
const flat = (q: Prisma.Sql) => q.text.replace(/\s+/g, " ");
/** The predicate over customers (as the member pages walk it), then the count's set query. */
const sql = (c: Condition, e = env) => {
  const compiled = compileSegment(one(c), e);
  const walk = Prisma.sql`SELECT count(*) FROM customers c WHERE c.merchant_id = ${e.merchantId}::uuid AND ${compiled.term.predicate}`;
  const count = countSql(compiled, e);
  return { text: `${flat(walk)} || ${flat(count)}`, count: flat(count), values: [...walk.values, ...count.values], warnings: compiled.warnings };
};

describe("compileSegment", () => {
  it("reads all-time counts without filters from the per-customer rollups", () => {
    const { text, values } = sql({ kind: "count", event: { types: ["purchase"] }, window: { kind: "all_time" }, compare: { op: "gte", value: 5 } });
    expect(text).toContain("c.id IN (SELECT r.customer_id FROM customer_rollups r");
    expect(text).toContain("r.type = $3::\"EventType\" AND (r.count >= $");
    expect(values).toEqual(expect.arrayContaining([M, "purchase", 5]));
  });

  it("counts that 0 satisfies keep customers without events (NOT IN the failing ones)", () => {
    const { text } = sql({ kind: "sum", event: { types: ["purchase"] }, field: "amount", window: { kind: "all_time" }, compare: { op: "lt", value: "50" } });
    expect(text).toContain("c.id NOT IN (SELECT p.customer_id FROM customer_passes p");
    expect(text).toContain("AND NOT (p.lifetime_spend < $");
  });

  it("reads the sums the pass keeps (visits, spend, points earned) from the pass, other sums from the rollups", () => {
    const all = { kind: "all_time" } as const;
    expect(sql({ kind: "count", event: { types: ["check_in", "visit"] }, window: all, compare: { op: "gte", value: 10 } }).count).toContain("FROM customer_passes p WHERE p.merchant_id = $1::uuid AND (p.visit_count >= $2::bigint)");
    expect(sql({ kind: "sum", event: { types: ["purchase"] }, field: "amount", window: all, compare: { op: "gte", value: "500" } }).count).toContain("(p.lifetime_spend >= $2::numeric)");
    expect(sql({ kind: "sum", event: { types: "any" }, field: "points_earned", window: all, compare: { op: "gte", value: "1000" } }).count).toContain("(p.points_earned >= $2::bigint)");
    // Whole-number bounds for whole-number points, the same test exactly: "≥ 999.5" is "≥ 1000", "< 999.5" is "< 1000".
    const earned = (op: "gte" | "lt" | "eq" | "between", value: string, value2?: string) =>
      sql({ kind: "sum", event: { types: "any" }, field: "points_earned", window: all, compare: { op, value, value2 } });
    expect(earned("gte", "999.5").values).toContain(1000);
    expect(earned("lt", "999.5").values).toContain(1000);
    expect(earned("eq", "999.5").count).toContain("AND FALSE");
    expect(earned("between", "10.5", "20.5").count).toContain("(p.points_earned BETWEEN $2::bigint AND $3::bigint)");
    expect(earned("between", "10.5", "20.5").values).toEqual(expect.arrayContaining([11, 20]));
    // Not what the pass keeps: a subset of the visit types, or the points of one type.
    expect(sql({ kind: "count", event: { types: ["visit"] }, window: all, compare: { op: "gte", value: 10 } }).count).toContain("FROM customer_rollups r");
    expect(sql({ kind: "sum", event: { types: ["purchase"] }, field: "points_earned", window: all, compare: { op: "gte", value: "10" } }).count).toContain("FROM customer_rollups r");
    expect(sql({ kind: "count", event: { types: ["check_in", "visit"], locationId: LOC }, window: all, compare: { op: "gte", value: 10 } }).count).toContain("FROM events e");
  });

  it("reads windows and filters from events, never voided ones, with bound values", () => {
    const { text, values } = sql({
      kind: "count", event: { types: ["purchase"], amount: { op: "gt", value: "100" }, data: [{ field: "coffee_name", op: "equals", value: "Latte'; DROP TABLE events; --" }], locationId: LOC },
      window: { kind: "last_days", days: 90 }, compare: { op: "gte", value: 5 },
    });
    expect(text).toContain("FROM events e WHERE e.merchant_id = $");
    expect(text).toContain("e.voided_at IS NULL");
    expect(text).toContain("(e.data ->> $");
    expect(text).not.toContain("DROP TABLE");
    expect(text).not.toContain("coffee_name");
    expect(values).toEqual(expect.arrayContaining(["coffee_name", "Latte'; DROP TABLE events; --", "100", LOC, expect.any(Date)]));
  });

  it("recency: has done it, but not in the window, is one range of the rollups' last time (events only after now)", () => {
    const { text } = sql({ kind: "recency", event: { types: ["purchase"] }, within: false, window: { kind: "last_days", days: 60 }, includeNever: false });
    // Two disjoint ranges of the index (an OR made PostgreSQL fetch every row instead of reading the index alone).
    expect(text).toContain("c.id IN (SELECT r.customer_id FROM customer_rollups r WHERE r.merchant_id = $2::uuid AND r.type = $3::\"EventType\" AND r.last_at < $4::timestamptz UNION ALL SELECT r.customer_id FROM customer_rollups r WHERE r.merchant_id = $5::uuid AND r.type = $6::\"EventType\" AND r.last_at >= $7::timestamptz AND NOT EXISTS (SELECT 1 FROM events l");
    expect(text).not.toContain("FROM events e");
  });

  it("a window up to now on a plain match reads the last time; with a filter, the events", () => {
    expect(sql({ kind: "has", event: { types: ["purchase"] }, window: { kind: "last_days", days: 30 }, has: true }).text).toContain("FROM customer_rollups r WHERE r.merchant_id = $2::uuid AND r.type = $3::\"EventType\" AND r.last_at >= $4::timestamptz AND (r.last_at < $5::timestamptz OR EXISTS");
    expect(sql({ kind: "has", event: { types: ["purchase"] }, window: { kind: "last_month" }, has: true }).text).toContain("FROM events e WHERE");
    expect(sql({ kind: "has", event: { types: ["purchase"], amount: { op: "gt", value: "100" } }, window: { kind: "last_days", days: 30 }, has: true }).text).toContain("FROM events e WHERE");
  });

  it("activity uses the shared definition, and the pass's last activity up to now", () => {
    const recent = sql({ kind: "has", event: { types: "activity" }, window: { kind: "last_days", days: 90 }, has: true });
    expect(recent.text).toContain("FROM customer_passes p WHERE p.merchant_id = $2::uuid AND p.last_seen_at >= $3::timestamptz");
    expect(recent.text).toContain("l.type <> ALL(");
    expect(recent.text).toContain("l.source <> 'automation'");
    const past = sql({ kind: "has", event: { types: "activity" }, window: { kind: "last_month" }, has: true });
    expect(past.text).toContain("e.type <> ALL(");
    expect(past.values).toEqual(expect.arrayContaining([["notification_received", "pass_uninstalled"]]));
  });

  it("first time: the rollups' first time in the window; with a filter, no such event before it", () => {
    expect(sql({ kind: "first_time", event: { types: ["pass_registered"] }, window: { kind: "this_month" } }).text).toContain("r.first_at >= $4::timestamptz AND r.first_at < $5::timestamptz");
    const { text } = sql({ kind: "first_time", event: { types: ["pass_registered"], customName: "x" }, window: { kind: "this_month" } });
    expect(text).toContain("NOT EXISTS (SELECT 1 FROM events b WHERE b.merchant_id");
    expect(text).toContain("b.occurred_at < $");
  });

  it("attributes read the pass; customer since reads the customer", () => {
    expect(sql({ kind: "attribute", attribute: "tier", op: "not_in", values: ["Gold", null] }).text).toContain("c.id NOT IN (SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = $2::uuid AND (p.tier = ANY($3::text[]) OR p.tier IS NULL))");
    expect(sql({ kind: "attribute", attribute: "lifetime_spend", compare: { op: "between", value: "10", value2: "20" } }).text).toContain("p.lifetime_spend BETWEEN $3::numeric AND $4::numeric");
    expect(sql({ kind: "attribute", attribute: "customer_since", window: { kind: "last_month" } }).text).toContain("c.created_at >= $2::timestamptz AND c.created_at < $3::timestamptz");
  });

  it("groups compose with AND / OR / NOT", () => {
    const def: SegmentDefinition = {
      kind: "group", match: "all", conditions: [
        { kind: "group", match: "any", conditions: [{ kind: "has", event: { types: ["visit"] }, window: { kind: "all_time" }, has: true }, { kind: "attribute", attribute: "visit_count", compare: { op: "gte", value: 3 } }] },
        { kind: "group", match: "all", negate: true, conditions: [{ kind: "has", event: { types: ["pass_uninstalled"] }, window: { kind: "all_time" }, has: true }] },
      ],
    };
    const compiled = compileSegment(def, env);
    expect(flat(compiled.term.predicate)).toMatch(/\(\(c\.id IN .* OR c\.id IN .*\) AND \(NOT \(c\.id IN .*\)\)\)/);
    // As sets: (visitors ∪ 3+ visits) less the uninstalled, counted without testing every customer.
    const count = flat(countSql(compiled, env));
    expect(count).toMatch(/^SELECT \(SELECT count\(\*\) FROM \(SELECT s0\.id FROM \(WITH u0 AS MATERIALIZED \(.*\), u1 AS MATERIALIZED \(.*\) SELECT u0\.id FROM u0 UNION ALL SELECT u1\.id FROM u1 WHERE NOT EXISTS \(SELECT 1 FROM u0 WHERE u0\.id = u1\.id\)\) AS s0\(id\) WHERE NOT EXISTS \(SELECT 1 FROM \(SELECT r\.customer_id FROM customer_rollups r .*\) AS s1\(id\) WHERE s1\.id = s0\.id\)\) AS s0\)::int AS count$/);
    expect(count).not.toContain("FROM customers");
  });

  it("counts a condition's own set: no scan of all customers for a positive one, all less the set for a negative one", () => {
    const five = sql({ kind: "count", event: { types: ["purchase"] }, window: { kind: "all_time" }, compare: { op: "gte", value: 5 } });
    expect(five.count).toBe('SELECT (SELECT count(*) FROM (SELECT r.customer_id FROM customer_rollups r WHERE r.merchant_id = $1::uuid AND r.type = $2::"EventType" AND (r.count >= $3::bigint)) AS s0)::int AS count');
    const never = sql({ kind: "has", event: { types: ["redemption"] }, window: { kind: "all_time" }, has: false });
    expect(never.count).toBe('SELECT ((SELECT count(*) FROM customers k WHERE k.merchant_id = $1::uuid) - (SELECT count(*) FROM (SELECT r.customer_id FROM customer_rollups r WHERE r.merchant_id = $2::uuid AND r.type = $3::"EventType" AND r.count > 0) AS s0))::int AS count');
    // Events in a window may list a customer many times: counted once each.
    expect(sql({ kind: "has", event: { types: ["purchase"] }, window: { kind: "last_month" }, has: true }).count).toContain("SELECT count(DISTINCT s0.id) FROM (SELECT e.customer_id FROM events e");
  });

  it("lists the members' ids as the set itself, or every customer less the set, after a cursor", () => {
    const after = "0190a000-0000-7000-8000-0000000000c1";
    const positive = compileSegment(one({ kind: "has", event: { types: ["purchase"] }, window: { kind: "last_month" }, has: true }), env);
    expect(flat(memberIdsSql(positive, env, after))).toMatch(/^SELECT DISTINCT s0\.id FROM \(SELECT e\.customer_id FROM events e .*\) AS s0\(id\) WHERE s0\.id > \$\d+::uuid$/);
    const negative = compileSegment(one({ kind: "has", event: { types: ["redemption"] }, window: { kind: "all_time" }, has: false }), env);
    expect(flat(memberIdsSql(negative, env))).toMatch(/^SELECT k\.id FROM customers k WHERE k\.merchant_id = \$1::uuid AND NOT EXISTS \(SELECT 1 FROM \(SELECT r\.customer_id FROM customer_rollups r .*\) AS s0\(id\) WHERE s0\.id = k\.id\)$/);
  });

  it("a deleted location or segment warns and counts nobody for that condition", () => {
    const gone = "0190a000-0000-7000-8000-0000000000ff";
    const loc = sql({ kind: "has", event: { types: ["visit"], locationId: gone }, window: { kind: "all_time" }, has: true });
    expect(loc.text).toContain("AND FALSE");
    expect(loc.count).toBe("SELECT 0::int AS count");
    expect(loc.warnings).toEqual([{ path: "conditions[0]", message: expect.stringContaining("location that no longer exists") }]);
    const seg = sql({ kind: "member_of", segmentId: gone, member: true });
    expect(seg.warnings[0]?.message).toContain("segment that no longer exists");
  });

  it("member of inlines the other segment and refuses cycles with a clear message", () => {
    const a = "0190a000-0000-7000-8000-00000000000a";
    const b = "0190a000-0000-7000-8000-00000000000b";
    const segments = new Map([
      [a, { name: "A", definition: one({ kind: "member_of", segmentId: b, member: true }) }],
      [b, { name: "B", definition: one({ kind: "member_of", segmentId: a, member: false }) }],
    ]);
    expect(() => compileSegment(one({ kind: "member_of", segmentId: a, member: true }), { ...env, segments }, b)).toThrow(AppError);
    const ok = new Map([[a, { name: "A", definition: one({ kind: "has", event: { types: ["visit"] }, window: { kind: "all_time" }, has: true }) }]]);
    const compiled = compileSegment(one({ kind: "member_of", segmentId: a, member: false }), { ...env, segments: ok });
    expect(flat(compiled.term.predicate)).toContain("(NOT (c.id IN (SELECT r.customer_id FROM customer_rollups r");
    expect(flat(countSql(compiled, env))).toContain("(SELECT count(*) FROM customers k WHERE k.merchant_id = $1::uuid) - (SELECT count(*) FROM (SELECT r.customer_id FROM customer_rollups r");
  });
});

describe("zeroSatisfies", () => {
  it.each([
    [{ op: "gte", value: 0 }, true], [{ op: "gte", value: 1 }, false], [{ op: "lt", value: "50" }, true], [{ op: "eq", value: 0 }, true],
    [{ op: "between", value: 0, value2: 3 }, true], [{ op: "between", value: 1, value2: 3 }, false], [{ op: "gt", value: "-1" }, true],
  ] as const)("%j → %s", (c, expected) => {
    expect(zeroSatisfies(c as never)).toBe(expected);
  });
});
