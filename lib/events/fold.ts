import "server-only";
// The pass rules (./pass-rules) against the database: reading and saving passes in the rules'
// units, the tier rule as SQL, and the set-based fold of inserted or voided events that the
// imports bulk mode and undo call. See the top of ./pass-rules for the whole API.
import { Prisma } from "@/lib/generated/prisma/client";
import { parseTiers, tierThresholds, type Tier } from "@/lib/loyalty/rules";
import { formatCents, toCents } from "@/lib/money";
import { EVENT_TYPES, type EventType } from "./registry";
import { lockPasses } from "./locks";
import { timed } from "@/lib/platform/phase-timer";
import { activitySql } from "./activity";
import { applyEventTo, orderFactsOf, passRules, statusSetBy, type EventSourceKind, type OrderFacts, type PassEvent, type PassFacts, type PassStatus } from "./pass-rules";
import { eventFactsOf, rollupStatements } from "./rollups";
import type { CustomerStateRow } from "./state";
import type { PassState } from "./types";

type Tx = Prisma.TransactionClient;

const ms = (date: Date | null) => (date === null ? null : date.getTime());
const date = (at: number | null) => (at === null ? null : new Date(at));

export function factsOfRow(row: CustomerStateRow): PassFacts {
  return {
    points: row.points_balance, pointsEarned: row.points_earned, visits: row.visit_count, spendCents: toCents(row.lifetime_spend), tier: row.tier,
    status: row.pass_status as PassStatus, statusAt: ms(row.pass_status_at), firstActivityAt: ms(row.first_seen_at), lastActivityAt: ms(row.last_seen_at),
  };
}

/** The pass as results and the API show it. */
export function passViewOf(facts: PassFacts): PassState {
  return { pointsBalance: facts.points, visitCount: facts.visits, lifetimeSpend: formatCents(facts.spendCents), tier: facts.tier };
}

/** An event row as the rules read it. */
export function passEventOf(row: { type: EventType; source: EventSourceKind; occurredAt: Date; amount: string | null; points: number }): PassEvent {
  return { type: row.type, source: row.source, occurredAt: row.occurredAt.getTime(), amountCents: row.amount === null ? null : toCents(row.amount), points: row.points };
}

/** One UPDATE of many passes; rows travel as one JSON parameter (see insertEventsSql). */
export function savePassesSql(merchantId: string, passes: Map<string, PassFacts>): Prisma.Sql {
  const json = JSON.stringify([...passes].map(([id, s]) => ({
    id, p: s.points, pe: s.pointsEarned, v: s.visits, s: formatCents(s.spendCents), t: s.tier, ps: s.status,
    pa: date(s.statusAt)?.toISOString() ?? null, f: date(s.firstActivityAt)?.toISOString() ?? null, l: date(s.lastActivityAt)?.toISOString() ?? null,
  })));
  return Prisma.sql`
    UPDATE customer_passes c SET points_balance = x.p, points_earned = x.pe, visit_count = x.v, lifetime_spend = x.s, tier = x.t,
      pass_status = x.ps::"PassStatus", pass_status_at = x.pa, first_seen_at = x.f, last_seen_at = x.l, updated_at = now()
    FROM json_to_recordset(${json}::json) AS x(id uuid, p int, pe bigint, v int, s numeric, t text, ps text, pa timestamptz, f timestamptz, l timestamptz)
    WHERE c.merchant_id = ${merchantId}::uuid AND c.customer_id = x.id`;
}

/** The tier rule (tierLookup) as a SQL CASE over a numeric spend, from the same thresholds. */
export function tierSql(tiers: Tier[], spend: Prisma.Sql): Prisma.Sql {
  const whens = tierThresholds(tiers).map((t) => Prisma.sql`WHEN ${spend} >= ${formatCents(t.minCents)}::numeric THEN ${t.name}`);
  return whens.length === 0 ? Prisma.sql`NULL::text` : Prisma.sql`(CASE ${Prisma.join(whens, " ")} ELSE NULL END)`;
}

const STATUS_TYPES = EVENT_TYPES.filter((t) => statusSetBy(t) !== null);

/**
 * The order facts (status, first and last activity) of each customer's live events: what a void
 * leaves once the voided events are marked. Status-setting events are few per customer, so they
 * are read and folded by the rules themselves; activity is a min/max with the same predicate.
 */
export async function remainingOrderFacts(tx: Tx, merchantId: string, customerIds: string[]): Promise<Map<string, OrderFacts>> {
  const out = new Map<string, OrderFacts>();
  if (customerIds.length === 0) return out;
  const statusRows = await tx.$queryRaw<{ customer_id: string; type: EventType; occurred_at: Date }[]>`
    SELECT customer_id::text, type::text AS type, occurred_at FROM events
    WHERE merchant_id = ${merchantId}::uuid AND customer_id = ANY(${customerIds}::uuid[]) AND voided_at IS NULL
      AND type::text = ANY(${STATUS_TYPES}::text[])`;
  const activity = await tx.$queryRaw<{ customer_id: string; first_at: Date | null; last_at: Date | null }[]>`
    SELECT customer_id::text, min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM events e
    WHERE merchant_id = ${merchantId}::uuid AND customer_id = ANY(${customerIds}::uuid[]) AND voided_at IS NULL AND ${activitySql("e")}
    GROUP BY customer_id`;
  for (const id of customerIds) {
    // Folded as automation events so that only their status counts; activity comes from the query above.
    const status = orderFactsOf(statusRows.filter((r) => r.customer_id === id).map((r) => ({ type: r.type, source: "automation" as const, occurredAt: r.occurred_at.getTime(), amountCents: null, points: 0 })));
    const a = activity.find((r) => r.customer_id === id);
    out.set(id, { status: status.status, statusAt: status.statusAt, firstActivityAt: ms(a?.first_at ?? null), lastActivityAt: ms(a?.last_at ?? null) });
  }
  return out;
}

/** An event as INSERT … RETURNING gives it back (column names as in the table). */
export interface InsertedEvent {
  customer_id: string;
  type: EventType;
  source: EventSourceKind;
  occurred_at: Date;
  location_id: string | null;
  /** Exact decimal text (select `amount::text`), or null. */
  amount: string | null;
  points: number;
}

export interface FoldMerchant {
  id: string;
  timeZone: string;
  /** merchants.tiers as stored. */
  tiers: unknown;
}

/**
 * The reverse of recording, for events just marked voided (or deleted) by the caller: locks the
 * affected passes (lock order, ./locks), takes the additive fields away with the pass rules,
 * re-reads status and activity from the events that remain, and saves every pass and both rollups
 * in one statement (void, import undo). Returns the passes after it.
 */
export async function unfoldEvents(tx: Tx, merchant: FoldMerchant, rows: InsertedEvent[]): Promise<Map<string, PassFacts>> {
  if (rows.length === 0) return new Map();
  const ids = [...new Set(rows.map((r) => r.customer_id))];
  const locked = await timed("fold.lock", () => lockPasses(tx, merchant.id, ids));
  const passes = new Map([...locked].map(([id, row]) => [id, factsOfRow(row)]));
  const rest = await remainingOrderFacts(tx, merchant.id, ids);
  const rules = passRules(parseTiers(merchant.tiers));
  for (const row of rows) {
    const pass = passes.get(row.customer_id);
    if (!pass) continue; // the customer is gone (deleted); nothing of theirs is kept
    const event = passEventOf({ type: row.type, source: row.source, occurredAt: row.occurred_at, amount: row.amount, points: row.points });
    applyEventTo(pass, event, rules, -1, rest.get(row.customer_id));
  }
  const facts = eventFactsOf(rows.map((r) => ({ customerId: r.customer_id, type: r.type, occurredAt: r.occurred_at, locationId: r.location_id, amount: r.amount, points: r.points })));
  await timed("fold.write", () => tx.$executeRaw(withStatements([savePassesSql(merchant.id, passes), ...rollupStatements(merchant.id, merchant.timeZone, facts, -1)])));
  return passes;
}

/** Several writes as one statement (data-modifying CTEs): one round trip. */
export function withStatements(statements: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`WITH ${Prisma.join(statements.map((sql, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${sql})`), ", ")} SELECT 1`;
}
