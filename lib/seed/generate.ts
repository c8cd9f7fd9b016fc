// Deterministic demo data, generated as streams: planning keeps a few numbers per customer (budget,
// join time, order); customers and their events are produced one at a time, so ten million events
// never sit in memory. Same seed + same as-of day → byte-identical output. A customer's events
// come from events.ts (eventsFor).
import { BREW_BEAN } from "./brew-bean";
import { buildCalendar, atLocal, type LocalCalendar } from "./calendar";
import { IRON_TEMPLE } from "./iron-temple";
import { emailLocalPart, passSerial, randomPerson } from "./names";
import type { CustomerTraits, MerchantProfile } from "./profile";
import { chance, exponential, normal, randInt, seededUuidv7, streamFor, WeightedIndex } from "./random";

/** About 18 months of history. */
export const HISTORY_DAYS = 548;
/** Points per currency unit for the demo merchants (the schema default). */
export const POINTS_PER_CURRENCY = 1;

export const DEMO_PROFILES = { brewBean: BREW_BEAN, ironTemple: IRON_TEMPLE } as const;
/** The gym's size is fixed; the CLI's --customers/--events size Brew & Bean. */
export const IRON_TEMPLE_SIZE = { customers: 300, events: 20_000 } as const;
export const BREW_BEAN_DEFAULT_SIZE = { customers: 2_000, events: 100_000 } as const;

// Separate random streams per purpose, so changing one aspect does not reshuffle the others.
export const STREAM = { weight: 1, window: 2, identity: 3, events: 4, id: 5, merchant: 6, campaigns: 7, eventIds: 8 } as const;

export interface GenerateOptions {
  seed: number;
  customers: number;
  events: number;
  /** History ends at local midnight starting this day (in the merchant's zone). */
  asOf: Date;
}

export interface Campaign {
  at: number;
  /** events.data for the notification events. */
  data: string;
}

export interface MerchantPlan {
  profile: MerchantProfile;
  seed: number;
  customers: number;
  events: number;
  calendar: LocalCalendar;
  /** Exact number of events per customer (by planning index); sums to `events`. */
  budgets: Int32Array;
  /** When each customer first shows up (by planning index). */
  joinAt: Float64Array;
  /** Ordinal → planning index, ordered by join time: POS numbers and ids grow over time. */
  order: Uint32Array;
  campaigns: Campaign[];
  /** [location][weekday] → picker over the 24 local hours. */
  hourPickers: WeightedIndex[][];
  /** Picker over the whole days for a new member's first day: growth × season × weekday. */
  joinPicker: WeightedIndex;
  locationPicker: WeightedIndex;
}

export interface CustomerPlan {
  budget: number;
  traits: CustomerTraits;
  hasPass: boolean;
  joinDay: number;
  lastDay: number;
  joinAt: number;
}

export interface SeedCustomer {
  id: string;
  /** 1-based, in join order. */
  ordinal: number;
  name: string;
  email: string;
  phone: string | null;
  externalId: string | null;
  passSerial: string;
  /** = the first event's time. */
  createdAt: number;
}

export function planMerchant(profile: MerchantProfile, options: GenerateOptions): MerchantPlan {
  const { seed, customers, events } = options;
  const calendar = buildCalendar(profile.timeZone, options.asOf, HISTORY_DAYS);
  const hourPickers = profile.locations.map((_, location) =>
    Array.from({ length: 7 }, (_, weekday) => new WeightedIndex(profile.hourWeights(weekday, location))),
  );
  const plan: MerchantPlan = {
    profile, seed, customers, events, calendar,
    budgets: budgetsFor(profile, seed, customers, events),
    joinAt: new Float64Array(customers),
    order: new Uint32Array(customers),
    campaigns: campaignsFor(profile, seed, calendar),
    hourPickers,
    joinPicker: new WeightedIndex(joinWeights(profile, calendar)),
    locationPicker: new WeightedIndex(profile.locationWeights),
  };
  for (let i = 0; i < customers; i++) plan.joinAt[i] = planCustomer(plan, i).joinAt;
  const order = Array.from({ length: customers }, (_, i) => i);
  order.sort((a, b) => (plan.joinAt[a] ?? 0) - (plan.joinAt[b] ?? 0) || a - b);
  plan.order.set(order);
  return plan;
}

/**
 * Splits the event total across customers by a capped lognormal "how regular are they" weight:
 * heavy-tailed like real loyalty data, and exact (cumulative rounding), so a 10M run is 10M rows.
 */
function budgetsFor(profile: MerchantProfile, seed: number, customers: number, events: number): Int32Array {
  const { sigma, cap } = profile.loyalty;
  const limit = cap * Math.exp((sigma * sigma) / 2); // cap × the distribution's mean
  const weights = new Float64Array(customers);
  let total = 0;
  for (let i = 0; i < customers; i++) {
    const raw = Math.exp(sigma * normal(streamFor(seed, profile.salt, i, STREAM.weight)));
    // A soft cap: nobody visits more than a few times a day, yet the top regulars still differ.
    const weight = raw / (1 + raw / limit);
    weights[i] = weight;
    total += weight;
  }
  // Everyone gets at least one event when there are enough to go round.
  const base = events >= customers ? 1 : 0;
  const spread = events - base * customers;
  const budgets = new Int32Array(customers);
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < customers; i++) {
    cumulative += weights[i] ?? 0;
    const upTo = i === customers - 1 ? spread : Math.min(spread, Math.floor((spread * cumulative) / total));
    budgets[i] = base + upTo - given;
    given = upTo;
  }
  return budgets;
}

/**
 * How likely each whole day is to be someone's first: a growing business (more new members every
 * month, `growth` times as many at the end as at the start), the profile's season (a coffee shop's
 * December, a gym's January) and its weekday rhythm.
 */
function joinWeights(profile: MerchantProfile, calendar: LocalCalendar): number[] {
  const n = calendar.wholeDays;
  return Array.from({ length: n }, (_, d) =>
    (1 + (profile.growth - 1) * (d / Math.max(1, n - 1))) *
    (profile.joinSeason[calendar.month[d] ?? 0] ?? 1) *
    (profile.weekdayWeights[calendar.weekday[d] ?? 0] ?? 1));
}

/** Merchant-wide campaigns every one to two weeks, mid-morning to mid-afternoon. */
function campaignsFor(profile: MerchantProfile, seed: number, calendar: LocalCalendar): Campaign[] {
  const rng = streamFor(seed, profile.salt, STREAM.campaigns);
  const [minGap, maxGap] = profile.campaigns.everyDays;
  const campaigns: Campaign[] = [];
  for (let d = randInt(rng, 2, 6), n = 0; d < calendar.days; d += randInt(rng, minGap, maxGap), n++) {
    const minute = randInt(rng, 20, 33) * 30; // 10:00–16:30
    const name = profile.campaigns.names[n % profile.campaigns.names.length] ?? "News";
    const at = atLocal(calendar, d, minute);
    if (at < calendar.endMs - 3_600_000) campaigns.push({ at, data: JSON.stringify({ campaign: name }) });
  }
  return campaigns;
}

/** A customer's traits and active period. Pure in (seed, merchant, index): called in both passes. */
export function planCustomer(plan: MerchantPlan, index: number): CustomerPlan {
  const { profile, calendar } = plan;
  const rng = streamFor(plan.seed, profile.salt, index, STREAM.window);
  const budget = plan.budgets[index] ?? 0;
  const home = plan.locationPicker.pick(rng);
  const traits: CustomerTraits = { home, usualHour: plan.hourPickers[home]?.[2]?.pick(rng) ?? 8, plan: profile.plan(rng) };
  const hasPass = chance(rng, profile.pass.installShare);

  // Long enough to fit the visits at a believable pace. Most members stay (active until today);
  // the others come for a while and drift away. First days follow the join picker (growth, season).
  const whole = calendar.wholeDays;
  const visits = (budget * (1 - (hasPass ? profile.pass.digitalShare : 0))) / profile.eventsPerVisit;
  const needed = Math.min(whole, Math.max(1, Math.ceil(visits / (0.7 * profile.maxVisitsPerDay))));
  const stays = chance(rng, profile.retention);
  const wanted = stays ? 0 : 7 + exponential(rng, 70);
  const span = Math.round(Math.min(whole, Math.max(needed, wanted)));
  let joinDay = plan.joinPicker.pick(rng);
  for (let tries = 0; joinDay > whole - span && tries < 12; tries++) joinDay = plan.joinPicker.pick(rng);
  if (joinDay > whole - span) joinDay = Math.floor(rng() * (whole - span + 1));
  // Stayers visit until today (the day under way included); the others for their span.
  const length = stays ? calendar.days - joinDay : span;
  const hour = plan.hourPickers[home]?.[calendar.weekday[joinDay] ?? 0]?.pick(rng) ?? 9;
  const joinAt = atLocal(calendar, joinDay, hour * 60 + rng() * 59);
  return { budget, traits, hasPass, joinDay, lastDay: joinDay + length - 1, joinAt };
}

export function customerId(plan: MerchantPlan, index: number): string {
  return seededUuidv7(plan.joinAt[index] ?? 0, streamFor(plan.seed, plan.profile.salt, index, STREAM.id));
}

/** The customer with this ordinal (0-based position in join order). */
export function customerAt(plan: MerchantPlan, ordinalIndex: number): SeedCustomer {
  const { profile } = plan;
  const index = plan.order[ordinalIndex] ?? 0;
  const ordinal = ordinalIndex + 1;
  const rng = streamFor(plan.seed, profile.salt, index, STREAM.identity);
  const person = randomPerson(rng);
  return {
    id: customerId(plan, index),
    ordinal,
    name: `${person.first} ${person.last}`,
    email: `${emailLocalPart(person.first, person.last)}${ordinal}@example.com`,
    phone: chance(rng, profile.phoneShare) ? profile.phone(rng) : null,
    externalId: chance(rng, profile.externalIdShare) ? `${profile.externalIdPrefix}${String(ordinal).padStart(6, "0")}` : null,
    passSerial: passSerial(profile.serialPrefix, ordinal, profile.salt),
    createdAt: plan.joinAt[index] ?? 0,
  };
}

export function* generateCustomers(plan: MerchantPlan): Generator<SeedCustomer> {
  for (let k = 0; k < plan.customers; k++) yield customerAt(plan, k);
}

export interface MerchantSetup {
  createdAt: number;
  locations: { id: string; name: string }[];
  users: { id: string; email: string; name: string; role: "owner" | "manager" | "staff" }[];
  apiKeyId: string;
}

/** Ids for the merchant's own rows, dated two weeks before its first customer. */
export function merchantSetup(plan: MerchantPlan): MerchantSetup {
  const rng = streamFor(plan.seed, plan.profile.salt, STREAM.merchant);
  const createdAt = (plan.calendar.midnight[0] ?? 0) - 14 * 86_400_000 + 9 * 3_600_000;
  return {
    createdAt,
    locations: plan.profile.locations.map((name) => ({ id: seededUuidv7(createdAt, rng), name })),
    users: plan.profile.users.map((user) => ({ id: seededUuidv7(createdAt, rng), ...user })),
    apiKeyId: seededUuidv7(createdAt, rng),
  };
}
