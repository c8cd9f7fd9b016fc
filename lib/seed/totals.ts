// Each customer's pass state from their generated events, as recordEvents() and voidEvent() would
// leave it. Kept in typed arrays (~40 bytes a customer) while events stream out, so the customers
// COPY carries final values: an UPDATE of 1M rows afterwards would re-index every row, trigram
// index included, and cost more than the load itself.
import { VISIT_TYPES } from "../events/registry";
import { DEFAULT_TIERS, tierFor, type Tier } from "../loyalty/rules";
import type { SeedEvent } from "./events";
import { formatCents } from "../money";

export type PassStatus = "not_installed" | "installed" | "uninstalled";
const STATUSES: readonly PassStatus[] = ["not_installed", "installed", "uninstalled"];

export interface PassTotals {
  pointsBalance: number;
  visitCount: number;
  lifetimeSpendCents: number;
  tier: string | null;
  passStatus: PassStatus;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
}

export class CustomerTotals {
  private readonly points: Int32Array;
  private readonly visits: Int32Array;
  private readonly spendCents: Float64Array;
  private readonly status: Uint8Array;
  private readonly firstSeen: Float64Array;
  private readonly lastSeen: Float64Array;

  constructor(customers: number, private readonly tiers: Tier[] = DEFAULT_TIERS) {
    this.points = new Int32Array(customers);
    this.visits = new Int32Array(customers);
    this.spendCents = new Float64Array(customers);
    this.status = new Uint8Array(customers);
    this.firstSeen = new Float64Array(customers).fill(Number.NaN);
    this.lastSeen = new Float64Array(customers).fill(Number.NaN);
  }

  /** Records one customer's events (in time order). Voided events count for nothing. */
  record(ordinalIndex: number, events: readonly SeedEvent[]): void {
    let points = 0;
    let visits = 0;
    let spend = 0;
    let status = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    for (const event of events) {
      if (event.voided) continue;
      points += event.points;
      if (VISIT_TYPES.has(event.type)) visits += 1;
      if (event.type === "purchase") spend += event.amountCents ?? 0;
      if (event.type === "pass_installed" || event.type === "pass_registered") status = 1;
      if (event.type === "pass_uninstalled") status = 2;
      if (Number.isNaN(first)) first = event.at;
      last = event.at;
    }
    this.points[ordinalIndex] = points;
    this.visits[ordinalIndex] = visits;
    this.spendCents[ordinalIndex] = spend;
    this.status[ordinalIndex] = status;
    this.firstSeen[ordinalIndex] = first;
    this.lastSeen[ordinalIndex] = last;
  }

  get(ordinalIndex: number): PassTotals {
    const spend = this.spendCents[ordinalIndex] ?? 0;
    const first = this.firstSeen[ordinalIndex] ?? Number.NaN;
    const last = this.lastSeen[ordinalIndex] ?? Number.NaN;
    return {
      pointsBalance: this.points[ordinalIndex] ?? 0,
      visitCount: this.visits[ordinalIndex] ?? 0,
      lifetimeSpendCents: spend,
      tier: tierFor(formatCents(spend), this.tiers),
      passStatus: STATUSES[this.status[ordinalIndex] ?? 0] ?? "not_installed",
      firstSeenAt: Number.isNaN(first) ? null : first,
      lastSeenAt: Number.isNaN(last) ? null : last,
    };
  }
}
