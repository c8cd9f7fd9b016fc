// Each customer's pass state from their generated events, as recordEvents() and voidEvent() would
// leave it. Kept in typed arrays (~40 bytes a customer) while events stream out, so the customers
// COPY carries final values: an UPDATE of 1M rows afterwards would re-index every row, trigram
// index included, and cost more than the load itself.
import { applyEventTo, EMPTY_PASS, passRules, type PassRules } from "../events/pass-rules";
import { DEFAULT_TIERS, type Tier } from "../loyalty/rules";
import type { SeedEvent } from "./events";

export type { PassStatus } from "../events/pass-rules";
import type { PassStatus } from "../events/pass-rules";
const STATUSES: readonly PassStatus[] = ["not_installed", "installed", "uninstalled"];

export interface PassTotals {
  pointsBalance: number;
  pointsEarned: number;
  visitCount: number;
  lifetimeSpendCents: number;
  tier: string | null;
  passStatus: PassStatus;
  passStatusAt: number | null;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
}

export class CustomerTotals {
  private readonly points: Int32Array;
  private readonly earned: Float64Array;
  private readonly visits: Int32Array;
  private readonly spendCents: Float64Array;
  private readonly status: Uint8Array;
  private readonly statusAt: Float64Array;
  private readonly firstSeen: Float64Array;
  private readonly lastSeen: Float64Array;

  private readonly rules: PassRules;

  constructor(customers: number, tiers: Tier[] = DEFAULT_TIERS) {
    this.rules = passRules(tiers);
    this.points = new Int32Array(customers);
    this.earned = new Float64Array(customers);
    this.visits = new Int32Array(customers);
    this.spendCents = new Float64Array(customers);
    this.status = new Uint8Array(customers);
    this.statusAt = new Float64Array(customers).fill(Number.NaN);
    this.firstSeen = new Float64Array(customers).fill(Number.NaN);
    this.lastSeen = new Float64Array(customers).fill(Number.NaN);
  }

  /** Records one customer's events through the pass rules (lib/events/pass-rules). Voided events count for nothing. */
  record(ordinalIndex: number, events: readonly SeedEvent[]): void {
    const pass = { ...EMPTY_PASS };
    for (const e of events) {
      if (!e.voided) applyEventTo(pass, { type: e.type, source: e.source, occurredAt: e.at, amountCents: e.amountCents, points: e.points }, this.rules, 1);
    }
    this.points[ordinalIndex] = pass.points;
    this.earned[ordinalIndex] = pass.pointsEarned;
    this.visits[ordinalIndex] = pass.visits;
    this.spendCents[ordinalIndex] = pass.spendCents;
    this.status[ordinalIndex] = STATUSES.indexOf(pass.status);
    this.statusAt[ordinalIndex] = pass.statusAt ?? Number.NaN;
    this.firstSeen[ordinalIndex] = pass.firstActivityAt ?? Number.NaN;
    this.lastSeen[ordinalIndex] = pass.lastActivityAt ?? Number.NaN;
  }

  get(ordinalIndex: number): PassTotals {
    const spend = this.spendCents[ordinalIndex] ?? 0;
    const first = this.firstSeen[ordinalIndex] ?? Number.NaN;
    const last = this.lastSeen[ordinalIndex] ?? Number.NaN;
    const statusAt = this.statusAt[ordinalIndex] ?? Number.NaN;
    return {
      pointsBalance: this.points[ordinalIndex] ?? 0,
      pointsEarned: this.earned[ordinalIndex] ?? 0,
      visitCount: this.visits[ordinalIndex] ?? 0,
      lifetimeSpendCents: spend,
      tier: this.rules.tierOf(spend),
      passStatus: STATUSES[this.status[ordinalIndex] ?? 0] ?? "not_installed",
      passStatusAt: Number.isNaN(statusAt) ? null : statusAt,
      firstSeenAt: Number.isNaN(first) ? null : first,
      lastSeenAt: Number.isNaN(last) ? null : last,
    };
  }
}
