// Property: for random customers and events (month edges and window edges in the merchant's zone,
// around daylight-saving changes, voided events, automation-recorded events) and random
// definitions from the whole grammar, the compiled SQL selects exactly the customers that the
// independent in-memory oracle (segments-oracle.ts) selects.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Condition, EventMatch, SegmentGroup, SegmentWindow } from "@/lib/segments/definition";
import { parseDefinition } from "@/lib/segments/definition";
import { rollupStatements } from "@/lib/events/rollups";
import { foldEvents, passRules } from "@/lib/events/pass-rules";
import { formatCents, toCents } from "@/lib/money";
import { compileFor, countMembers, loadCompileEnv, membersAfter } from "@/lib/segments/evaluate";
import { createContext } from "../support/factories";
import { instantOf, oracleMember, oracleWindow, wallOf, type OracleCustomer, type OracleEvent } from "./segments-oracle";

// Moments of evaluation, as local wall times: after a DST start, after a DST end, a month's last
// day (month arithmetic clamps), minutes after a month starts, and an ordinary day.
const NOWS: { tz: string; wall: [number, number, number, number, number] }[] = [
  { tz: "America/New_York", wall: [2026, 3, 9, 12, 0] },
  { tz: "America/New_York", wall: [2026, 11, 2, 0, 30] },
  { tz: "America/New_York", wall: [2026, 3, 31, 12, 0] },
  { tz: "America/New_York", wall: [2026, 4, 1, 0, 10] },
  { tz: "Europe/London", wall: [2026, 3, 30, 23, 30] },
  { tz: "Europe/London", wall: [2026, 10, 26, 12, 0] },
  { tz: "Australia/Sydney", wall: [2026, 4, 6, 12, 0] },
];

const TYPES = ["purchase", "visit", "check_in", "redemption", "custom", "notification_received", "pass_uninstalled", "check_out"] as const;
const WINDOWS = (from: string, to: string): SegmentWindow[] => [
  { kind: "all_time" }, { kind: "last_days", days: 1 }, { kind: "last_days", days: 7 }, { kind: "last_days", days: 30 },
  { kind: "last_weeks", weeks: 2 }, { kind: "last_months", months: 1 }, { kind: "last_months", months: 3 },
  { kind: "this_month" }, { kind: "last_month" }, { kind: "between", from, to },
];

function isoDay(w: { y: number; m: number; d: number }) {
  const d = new Date(Date.UTC(w.y, w.m - 1, w.d));
  return d.toISOString().slice(0, 10);
}

interface Scenario { tz: string; now: Date; windows: SegmentWindow[]; anchors: Date[] }

function scenario(index: number): Scenario {
  const { tz, wall } = NOWS[index % NOWS.length]!;
  const now = instantOf({ y: wall[0], m: wall[1], d: wall[2], h: wall[3], mi: wall[4], s: 0, ms: 0 }, tz);
  const w = wallOf(now, tz);
  const windows = WINDOWS(isoDay({ ...w, d: w.d - 20 }), isoDay({ ...w, d: w.d - 5 }));
  // Event times sit on and next to every window edge (±1 ms), plus a spread over 4 months.
  const anchors: Date[] = [now];
  for (const win of windows) {
    for (const edge of oracleWindow(win, now, tz)) if (edge) anchors.push(edge, new Date(edge.getTime() - 1), new Date(edge.getTime() + 1));
  }
  for (let days = 0; days < 120; days += 9) anchors.push(new Date(now.getTime() - days * 86_400_000 - 3_600_000));
  return { tz, now, windows, anchors };
}

const LOCATION_A = "00000000-0000-7000-8000-00000000000a";
const DELETED = "00000000-0000-7000-8000-0000000000dd";
// Placeholders in generated definitions; each run maps them to its own fresh ids.
const SEG_IDS = ["00000000-0000-7000-8000-0000000005a1", "00000000-0000-7000-8000-0000000005a2"] as const;

function eventArb(s: Scenario) {
  return fc.record({
    type: fc.constantFrom(...TYPES),
    at: fc.constantFrom(...s.anchors),
    amountIdx: fc.integer({ min: 0, max: 4 }),
    points: fc.integer({ min: 1, max: 120 }),
    location: fc.constantFrom<string | null>(LOCATION_A, null),
    customName: fc.constantFrom("Yoga", "Spin"),
    coffee: fc.constantFrom("Latte", "latte", "Flat White", undefined),
    size: fc.constantFrom<unknown>(1, 2, "2", "2.5", undefined),
    source: fc.constantFrom("manual", "api", "import", "automation"),
    voided: fc.boolean(),
  }).map(({ type, at, amountIdx, points, location, customName, coffee, size, source, voided }): OracleEvent => {
    const amount = type === "purchase" || (type === "custom" && amountIdx > 2) ? ["0.01", "12.50", "49.99", "100.00", "250.00"][amountIdx]! : null;
    // The write path's rules: purchases earn, redemptions spend, other types carry no points.
    const pts = type === "purchase" ? Math.floor(Number(amount)) : type === "redemption" ? -points : 0;
    const data: Record<string, unknown> = {};
    if (coffee !== undefined) data.coffee_name = coffee;
    if (size !== undefined) data.size = size;
    return { type, at, amount, points: pts, locationId: location, customName: type === "custom" ? customName : null, data, source, voided };
  });
}

function customerArb(s: Scenario) {
  return fc.record({
    createdAt: fc.constantFrom(...s.anchors),
    tier: fc.constantFrom<string | null>(null, "Silver", "Gold"),
    passStatus: fc.constantFrom("not_installed", "installed", "uninstalled"),
    events: fc.array(eventArb(s), { maxLength: 12 }),
  });
}

// Filters are rarer than plain matches, so that most conditions select someone.
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });

function matchArb(): fc.Arbitrary<EventMatch> {
  const types = fc.oneof(
    fc.constant<"any">("any"), fc.constant<"activity">("activity"),
    { arbitrary: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }), weight: 3 },
    // One type: the rollups' own rows (and, in a window, their candidates for a count).
    { arbitrary: fc.constantFrom(...TYPES).map((t) => [t]), weight: 3 },
    // Visits as the pass counts them (the compiler reads those from the pass).
    fc.constantFrom<EventMatch["types"]>(["visit", "check_in"], ["check_in", "visit"]),
  );
  const decimal = fc.constantFrom("0", "10.5", "49.99", "100");
  const compare = fc.record({ op: fc.constantFrom("gte", "gt", "eq", "lte", "lt", "between" as const), value: decimal, value2: decimal });
  const dataFilter = fc.oneof(
    fc.record({ field: fc.constant("coffee_name"), op: fc.constant("equals" as const), value: fc.constantFrom("Latte", "Mocha") }),
    fc.record({ field: fc.constant("coffee_name"), op: fc.constant("one_of" as const), values: fc.constant(["Latte", "Flat White"]).map((v) => [...v]) }),
    fc.record({ field: fc.constant("coffee_name"), op: fc.constant("contains" as const), value: fc.constantFrom("lat", "WHITE") }),
    fc.record({ field: fc.constant("size"), op: fc.constant("compare" as const), compare: fc.record({ op: fc.constantFrom("gte", "lt", "eq" as const), value: fc.constantFrom("2", "1.5") }) }),
  );
  return fc.record({
    types,
    locationId: rarely(fc.constantFrom(LOCATION_A, LOCATION_A, DELETED)),
    customName: rarely(fc.constant("Yoga")),
    amount: rarely(compare),
    data: rarely(fc.array(dataFilter, { minLength: 1, maxLength: 2 })),
  }).map((m) => JSON.parse(JSON.stringify(m)) as EventMatch);
}

function conditionArb(s: Scenario, segmentIds: string[]): fc.Arbitrary<Condition> {
  const win = fc.constantFrom(...s.windows);
  const rolling = fc.constantFrom(...s.windows.filter((w) => w.kind.startsWith("last_") && w.kind !== "last_month")) as fc.Arbitrary<Extract<SegmentWindow, { kind: "last_days" | "last_weeks" | "last_months" }>>;
  const op = fc.constantFrom("gte", "gt", "eq", "lte", "lt", "between" as const);
  const count = fc.record({ op, value: fc.integer({ min: 0, max: 3 }), value2: fc.integer({ min: 0, max: 4 }) });
  const dec = fc.record({ op, value: fc.constantFrom("0", "12.5", "50", "500"), value2: fc.constantFrom("0", "100", "1000") });
  const m = matchArb();
  return fc.oneof(
    // Weighted up: counts and sums take several paths (the pass, the rollups, windowed events with candidates from the rollups).
    { arbitrary: fc.record({ kind: fc.constant("count" as const), event: m, window: win, compare: count }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant("sum" as const), event: m, field: fc.constantFrom("amount", "points_earned" as const), window: win, compare: dec }), weight: 2 },
    // Weighted up: these read the rollups' and the pass's first / last times, which voids must correct.
    { arbitrary: fc.record({ kind: fc.constant("recency" as const), event: m, within: fc.boolean(), window: rolling, includeNever: fc.boolean() }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant("first_time" as const), event: m, window: win }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("has" as const), event: m, window: win, has: fc.boolean() }), weight: 2 },
    fc.record({ kind: fc.constant("attribute" as const), attribute: fc.constant("tier" as const), op: fc.constantFrom("in", "not_in" as const), values: fc.uniqueArray(fc.constantFrom<string | null>(null, "Silver", "Gold"), { minLength: 1 }) }),
    fc.record({ kind: fc.constant("attribute" as const), attribute: fc.constant("pass_status" as const), op: fc.constantFrom("in", "not_in" as const), values: fc.uniqueArray(fc.constantFrom("not_installed", "installed", "uninstalled" as const), { minLength: 1 }) }),
    fc.record({ kind: fc.constant("attribute" as const), attribute: fc.constant("points_balance" as const), compare: fc.record({ op, value: fc.integer({ min: -5, max: 150 }), value2: fc.integer({ min: 0, max: 200 }) }) }),
    fc.record({ kind: fc.constant("attribute" as const), attribute: fc.constant("visit_count" as const), compare: fc.record({ op, value: fc.integer({ min: 0, max: 15 }), value2: fc.integer({ min: 0, max: 20 }) }) }),
    fc.record({ kind: fc.constant("attribute" as const), attribute: fc.constant("lifetime_spend" as const), compare: dec }),
    fc.record({ kind: fc.constant("attribute" as const), attribute: fc.constant("customer_since" as const), window: win }),
    fc.record({ kind: fc.constant("member_of" as const), segmentId: fc.constantFrom(...segmentIds, DELETED), member: fc.boolean() }),
  ) as fc.Arbitrary<Condition>;
}

function groupArb(s: Scenario, segmentIds: string[]): fc.Arbitrary<SegmentGroup> {
  const { group } = fc.letrec<{ group: SegmentGroup; item: Condition | SegmentGroup }>((tie) => ({
    group: fc.record({
      kind: fc.constant("group" as const),
      match: fc.constantFrom("all", "any" as const),
      negate: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
      conditions: fc.array(tie("item"), { minLength: 1, maxLength: 3 }),
    }),
    item: fc.oneof({ depthSize: "small", maxDepth: 2, withCrossShrink: true }, conditionArb(s, segmentIds), tie("group")),
  }));
  return group;
}

describe("segment compiler = in-memory oracle", () => {
  it("selects exactly the same customers for random data and definitions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: NOWS.length - 1 }).chain((i) => {
          const s = scenario(i);
          return fc.record({
            index: fc.constant(i),
            customers: fc.array(customerArb(s), { minLength: 1, maxLength: 12 }),
            saved: fc.tuple(groupArb(s, []), groupArb(s, [SEG_IDS[0]])),
            definitions: fc.array(groupArb(s, [...SEG_IDS]), { minLength: 1, maxLength: 6 }),
          });
        }),
        async ({ index, customers, saved, definitions }) => {
          const segIds = [randomUUID(), randomUUID()];
          const s = scenario(index);
          const context = await createContext("owner", { timeZone: s.tz });
          const m = context.merchantId;
          // Generated definitions name LOCATION_A; each run's merchant has its own location id.
          const locId = (await db.location.create({ data: { merchantId: m, name: "A" } })).id;
          const remap = (id: string | null) => (id === LOCATION_A ? locId : id);
          const oracleCustomers: OracleCustomer[] = [];
          for (const generated of customers) {
            // The pass's sums as the write path keeps them (the pass rules over the live events);
            // status and tier stay random, so conditions on them are tested on their own.
            const pass = foldEvents(generated.events.filter((e) => !e.voided).map((e) => ({
              type: e.type as "visit", source: e.source as "manual", occurredAt: e.at.getTime(), amountCents: e.amount === null ? null : toCents(e.amount), points: e.points,
            })), passRules([]));
            const c = { ...generated, pointsBalance: pass.points, visitCount: pass.visits, lifetimeSpend: formatCents(pass.spendCents) };
            const row = await db.customer.create({
              data: { merchantId: m, name: `C ${randomUUID().slice(0, 6)}`, passSerial: `PS-${randomUUID().slice(0, 12)}`, createdAt: c.createdAt,
                pass: { create: { passStatus: c.passStatus as "installed", tier: c.tier, pointsBalance: c.pointsBalance, pointsEarned: pass.pointsEarned, visitCount: c.visitCount, lifetimeSpend: c.lifetimeSpend } } },
            });
            const events = c.events.map((e) => ({ ...e, locationId: remap(e.locationId) }));
            oracleCustomers.push({ id: row.id, ...c, events });
            if (events.length === 0) continue;
            await db.event.createMany({
              data: events.map((e) => ({
                merchantId: m, customerId: row.id, type: e.type as "visit", customName: e.customName, occurredAt: e.at, amount: e.amount, points: e.points,
                locationId: e.locationId, data: e.data as Prisma.InputJsonObject, source: e.source as "manual", voidedAt: e.voided ? s.now : null,
              })),
            });
          }
          // Rollups exactly as the write path leaves them: every event folded in as recorded, then
          // the voided ones folded out again (lib/events/rollups.ts re-reads first_at / last_at
          // from what remains). Segments read recency from those columns, so a rollup that kept a
          // voided event's time would make this property fail.
          const facts = (voided: boolean) => Prisma.sql`SELECT customer_id, type, occurred_at, location_id, amount, points FROM events
            WHERE merchant_id = ${m}::uuid${voided ? Prisma.sql` AND voided_at IS NOT NULL` : Prisma.empty}`;
          for (const statement of rollupStatements(m, s.tz, facts(false), 1)) await db.$executeRaw(statement);
          for (const statement of rollupStatements(m, s.tz, facts(true), -1)) await db.$executeRaw(statement);
          // The pass's first / last activity as the write path keeps them (exact under voids).
          await db.$executeRaw`
            UPDATE customer_passes p SET first_seen_at = a.f, last_seen_at = a.l
            FROM (SELECT customer_id, min(occurred_at) AS f, max(occurred_at) AS l FROM events
                  WHERE merchant_id = ${m}::uuid AND voided_at IS NULL AND type NOT IN ('notification_received', 'pass_uninstalled') AND source <> 'automation'
                  GROUP BY customer_id) a
            WHERE p.merchant_id = ${m}::uuid AND p.customer_id = a.customer_id`;
          const remapDef = (g: SegmentGroup): SegmentGroup => JSON.parse(JSON.stringify(g).replaceAll(LOCATION_A, locId).replaceAll(SEG_IDS[0], segIds[0]!).replaceAll(SEG_IDS[1], segIds[1]!)) as SegmentGroup;
          const savedDefs = saved.map(remapDef);
          for (const [i, def] of savedDefs.entries()) {
            await db.segment.create({ data: { id: segIds[i]!, merchantId: m, name: `S${i}`, definition: def as unknown as Prisma.InputJsonObject } });
          }
          const env = await loadCompileEnv(context, s.now);
          const world = { now: s.now, timeZone: s.tz, locationIds: new Set([locId]), segments: new Map(savedDefs.map((d, i) => [segIds[i]!, d])) };
          for (const raw of definitions) {
            const parsed = parseDefinition(remapDef(raw));
            expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
            if (!parsed.ok) return;
            const run = compileFor(env, parsed.definition);
            const ids = (await membersAfter(run, null, 1000)).map((r) => r.id).sort();
            const expected = oracleCustomers.filter((c) => oracleMember(parsed.definition, c, world)).map((c) => c.id).sort();
            if (process.env.SEGMENT_PROPERTY_STATS) console.log(`members ${expected.length}/${oracleCustomers.length} events ${oracleCustomers.reduce((n, c) => n + c.events.length, 0)}`);
            expect(ids, JSON.stringify(parsed.definition)).toEqual(expected);
            expect(await countMembers(run)).toBe(expected.length);
            // Each rendering of the definition, from the start and after a cursor: the member set as
            // one query (memberIdsSql), the predicate with its sets hashed, and the per-customer probes.
            const cut = Math.floor(expected.length / 2);
            for (const strategy of ["sort", "walk", "probe"] as const) {
              expect((await membersAfter(run, null, 1000, { strategy })).map((r) => r.id), `${strategy} ${JSON.stringify(parsed.definition)}`).toEqual(expected);
              if (expected.length > 0) expect((await membersAfter(run, expected[cut]!, 1000, { strategy })).map((r) => r.id), strategy).toEqual(expected.slice(cut + 1));
            }
          }
        },
      ),
      { numRuns: Number(process.env.SEGMENT_PROPERTY_RUNS ?? 30) },
    );
  }, 300_000);
});
