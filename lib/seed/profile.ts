// What a demo merchant is, for the generator: identity, opening-hour patterns, how loyal its
// customers are and what one store visit looks like. brew-bean.ts and iron-temple.ts fill it in;
// generate.ts turns it into customers and events.
import type { EventType } from "../events/registry";
import type { Rng } from "./random";

export type SeedSource = "manual" | "api" | "automation";

/** An event before its id and points are settled (that happens in time order, in generate.ts). */
export interface Draft {
  type: EventType;
  at: number;
  /** Money in integer cents/pence: amounts are never float arithmetic. */
  amountCents: number | null;
  /** events.data as JSON text. */
  data: string;
  /** Index into the merchant's locations; -1 for digital events (no location). */
  location: number;
  source: SeedSource;
  /** Index into the merchant's users for manual entries; -1 otherwise. */
  recordedBy: number;
  /** Sent by the merchant's POS with its API key. */
  viaApiKey: boolean;
  /** The customer asks for a reward: redeemed if the running balance allows, else a balance lookup. */
  wantsReward?: boolean;
  voided?: { at: number; by: number; reason: string };
}

export interface CustomerTraits {
  /** The location this customer usually goes to. */
  home: number;
  /** The hour they usually come in (habits make the hour chart look real). */
  usualHour: number;
  /** Merchant-specific choice, e.g. the gym membership plan. */
  plan: number;
}

export interface VisitContext {
  rng: Rng;
  /** When the customer walks in. */
  start: number;
  localHour: number;
  location: number;
  /** Events this visit may produce (≥ 1): budgets are exact, so visits shrink to fit. */
  remaining: number;
  customer: CustomerTraits;
}

export interface Visit {
  drafts: Draft[];
  /** When the customer leaves; the next visit the same day starts after it. */
  end: number;
}

export interface RecurringContext {
  rng: Rng;
  customer: CustomerTraits;
  joinAt: number;
  /** Billing instants the generator picked (monthly on the join day), oldest first. */
  billingTimes: number[];
}

export interface Reward {
  reward: string;
  pointsCost: number;
}

export interface DemoUser {
  email: string;
  name: string;
  role: "owner" | "manager" | "staff";
}

export interface MerchantProfile {
  /** Distinguishes the merchants' random streams. */
  salt: number;
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locations: readonly string[];
  locationWeights: readonly number[];
  users: readonly DemoUser[];
  apiKeySecret: string;
  serialPrefix: string;
  externalIdPrefix: string;
  externalIdShare: number;
  phoneShare: number;
  phone: (rng: Rng) => string;
  /** Sunday first. */
  weekdayWeights: readonly number[];
  /** 12 monthly weights (January first) on how busy the days are: the merchant's season. */
  season: readonly number[];
  /** 12 monthly weights on how many new members join. */
  joinSeason: readonly number[];
  /** New members per day at the end of the history ÷ at its start (a growing business > 1). */
  growth: number;
  /** Share of members who stay active until today; the rest drift away after a while. */
  retention: number;
  /** 24 weights for the local hour a visit starts; zero when closed. */
  hourWeights: (weekday: number, location: number) => readonly number[];
  /** Activity per customer is lognormal(sigma), capped at `cap` × the mean: a few regulars, many occasionals. */
  loyalty: { sigma: number; cap: number };
  maxVisitsPerDay: number;
  /** Events a typical visit produces, to size a customer's active period. */
  eventsPerVisit: number;
  pass: { installShare: number; registerShare: number; uninstallShare: number; digitalShare: number };
  rewards: readonly Reward[];
  campaigns: { everyDays: readonly [number, number]; names: readonly string[]; url: string };
  /** Which user keys in a manual entry. */
  staff: (rng: Rng) => number;
  /** Traits beyond home and usual hour (e.g. membership plan). */
  plan: (rng: Rng) => number;
  visit: (ctx: VisitContext) => Visit;
  /** Events on a schedule rather than at visits (monthly membership billing). */
  recurring?: (ctx: RecurringContext) => Draft[];
  /** Share of a customer's budget the recurring events may take. */
  recurringShare?: number;
}


/** 24 hourly weights from a sparse { hour: weight } table. */
export function hours(table: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, hour) => table[hour] ?? 0);
}
