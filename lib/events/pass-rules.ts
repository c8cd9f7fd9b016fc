// THE pass rules: how one event changes a customer's pass. Pure (no database), so the write path,
// void, the seed's totals, tier recompute and the tests all use exactly this code.
//
// Entry points (for record, void, imports' bulk mode, undo and the seed):
// - applyEvent(state, event, rules, +1)        record one event onto a pass.
// - applyEvent(state, event, rules, -1, rest)  void it. `rest` is orderFactsOf() the customer's
//   OTHER live events (or the same facts from SQL: remainingOrderFactsSql in lib/events/fold.ts):
//   points, visits and spend are sums and simply subtract, but pass status and first/last activity
//   are a max/min over events, which no subtraction can undo.
// - foldEvents(events, rules)                   the pass as a fold of its live events (seed, tests).
// - passRules(tiers)                            the rules for a merchant (tierOf from its tiers);
//   tierSql() in lib/events/fold.ts is the same tier rule as SQL, derived from the same
//   thresholds (tierThresholds), for the one-UPDATE recompute when an owner changes the tiers.
// The database side (server-only) is lib/events/fold.ts:
// - the bulk mode (imports) applies the rules inline as recordEvents does, then writes the chunk's
//   events, the passes it computed and both rollups in one statement (insertEventsAndFoldSql in
//   lib/events/insert.ts; a key taken meanwhile undoes the attempt, recordBulk in ./record).
// - unfoldEvents(tx, merchant, rows)            set-based, for events the caller just marked voided
//   or deleted (undo of an import): sums subtract, status and activity re-read from what remains.
// A bulk writer also writes the outbox row in the statement that inserts its events
// (lib/events/insert.ts outboxInsertSql, fed by that statement's RETURNING id), and stores the
// import id on each event (events.import_id). recordEvents(scope, inputs, source, { tx }) runs
// the whole write path inside a caller's transaction.
import { tierLookup, type Tier } from "@/lib/loyalty/rules";
import { isActivity } from "./activity";
import { EVENT_REGISTRY, VISIT_TYPES, type EventType } from "./registry";

export { isActivity };

export type PassStatus = "not_installed" | "installed" | "uninstalled";
export type { EventSourceKind } from "./registry";
import type { EventSourceKind } from "./registry";

/** A pass in the units the rules compute in: integer cents, epoch milliseconds. */
export interface PassFacts {
  points: number;
  /** Points earned: the sum of the positive points of its events (what redemptions never take back). */
  pointsEarned: number;
  visits: number;
  spendCents: number;
  tier: string | null;
  status: PassStatus;
  /** When the event that set `status` happened; null while no event has set it. */
  statusAt: number | null;
  firstActivityAt: number | null;
  lastActivityAt: number | null;
}

/** What of an event the rules read. `points` is what the event stored (signed; purchases earn, redemptions spend). */
export interface PassEvent {
  type: EventType;
  source: EventSourceKind;
  occurredAt: number;
  amountCents: number | null;
  points: number;
}

export interface PassRules {
  tierOf: (spendCents: number) => string | null;
}

/** The order-dependent part of a pass: what a fold of some events leaves in status and activity. */
export type OrderFacts = Pick<PassFacts, "status" | "statusAt" | "firstActivityAt" | "lastActivityAt">;

export const EMPTY_PASS: PassFacts = Object.freeze({
  points: 0, pointsEarned: 0, visits: 0, spendCents: 0, tier: null, status: "not_installed", statusAt: null, firstActivityAt: null, lastActivityAt: null,
}) as PassFacts;

// --- Per-type flags: the registry (countsAsVisit, setsPassStatus) and lib/events/activity ----

/** The pass status an event type sets, if any (registry setsPassStatus). */
export function statusSetBy(type: EventType): PassStatus | null {
  return EVENT_REGISTRY[type].setsPassStatus;
}

// At the same instant an uninstall outranks an install, so the result never depends on the order
// events arrive in (a fold is order-free: status is the max of (occurredAt, rank)).
const RANK: Record<PassStatus, number> = { not_installed: 0, installed: 1, uninstalled: 2 };

function statusWins(status: PassStatus, at: number, current: OrderFacts): boolean {
  if (current.statusAt === null || at > current.statusAt) return true;
  return at === current.statusAt && RANK[status] >= RANK[current.status];
}

// --- The rules ------------------------------------------------------------------------------------

/** Spend an event adds: purchases only. */
export function spendOf(event: Pick<PassEvent, "type" | "amountCents">): number {
  return event.type === "purchase" ? (event.amountCents ?? 0) : 0;
}

/**
 * The pass after recording (+1) or voiding (-1) one event. A void needs `rest`, the order facts of
 * the customer's other live events (see the top of this file). Never mutates `state`.
 */
export function applyEvent(state: PassFacts, event: PassEvent, rules: PassRules, sign: 1, rest?: undefined): PassFacts;
export function applyEvent(state: PassFacts, event: PassEvent, rules: PassRules, sign: -1, rest: OrderFacts): PassFacts;
export function applyEvent(state: PassFacts, event: PassEvent, rules: PassRules, sign: 1 | -1, rest?: OrderFacts): PassFacts {
  const next = { ...state };
  applyEventTo(next, event, rules, sign, rest);
  return next;
}

/** applyEvent, in place: for folds over many events (the seed streams 10M). */
export function applyEventTo(state: PassFacts, event: PassEvent, rules: PassRules, sign: 1 | -1, rest?: OrderFacts): void {
  state.points += sign * event.points;
  state.pointsEarned += sign * Math.max(event.points, 0);
  if (VISIT_TYPES.has(event.type)) state.visits += sign;
  state.spendCents += sign * spendOf(event);
  state.tier = rules.tierOf(state.spendCents);
  if (sign === 1) foldOrderFacts(state, event);
  else {
    if (!rest) throw new Error("Voiding an event needs the order facts of the customer's other events");
    state.status = rest.status;
    state.statusAt = rest.statusAt;
    state.firstActivityAt = rest.firstActivityAt;
    state.lastActivityAt = rest.lastActivityAt;
  }
}

function foldOrderFacts(facts: OrderFacts, event: PassEvent): void {
  const status = statusSetBy(event.type);
  if (status && statusWins(status, event.occurredAt, facts)) {
    facts.status = status;
    facts.statusAt = event.occurredAt;
  }
  if (isActivity(event.type, event.source)) {
    if (facts.firstActivityAt === null || event.occurredAt < facts.firstActivityAt) facts.firstActivityAt = event.occurredAt;
    if (facts.lastActivityAt === null || event.occurredAt > facts.lastActivityAt) facts.lastActivityAt = event.occurredAt;
  }
}

/** The order facts a fold of these events leaves (what a void's `rest` is). */
export function orderFactsOf(events: Iterable<PassEvent>): OrderFacts {
  const facts: OrderFacts = { status: "not_installed", statusAt: null, firstActivityAt: null, lastActivityAt: null };
  for (const event of events) foldOrderFacts(facts, event);
  return facts;
}

/** The pass as a fold of these (live) events from an empty pass. */
export function foldEvents(events: Iterable<PassEvent>, rules: PassRules, from: PassFacts = EMPTY_PASS): PassFacts {
  const state = { ...from };
  for (const event of events) applyEventTo(state, event, rules, 1);
  return state;
}

// --- Tiers ----------------------------------------------------------------------------------------

/** The tier rule (lib/loyalty/rules tierLookup: the highest threshold reached). */
export function passRules(tiers: Tier[]): PassRules {
  return { tierOf: tierLookup(tiers) };
}
