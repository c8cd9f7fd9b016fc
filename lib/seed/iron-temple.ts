// Iron Temple Gym: one gym in Shoreditch, London. Members check in and out (before work, at
// lunch, after work), pay a monthly membership and sometimes grab a smoothie on the way out.
import { chance, normal, pick, randInt, type Rng } from "./random";
import { hours, type Draft, type MerchantProfile, type RecurringContext, type VisitContext, type Visit } from "./profile";

// Opening 06:00–22:00; no starts after 21:00, so the longest session (2 h) plus a smoothie ends
// before midnight.
const WEEKDAY = hours({ 6: 1.8, 7: 2.2, 8: 1.3, 9: 0.8, 10: 0.6, 11: 0.5, 12: 1.1, 13: 0.8, 14: 0.4, 15: 0.4, 16: 0.6, 17: 1.8, 18: 2.4, 19: 1.9, 20: 0.9 });
const WEEKEND = hours({ 8: 0.8, 9: 1.3, 10: 1.5, 11: 1.3, 12: 1.0, 13: 0.8, 14: 0.6, 15: 0.5, 16: 0.4, 17: 0.3 });

/** Monthly plans in pence: Off-peak, Standard, Premium. */
const PLANS = [2999, 3999, 4999];
const SMOOTHIES = [350, 450, 545, 625, 695]; // protein shake … large smoothie

function staff(rng: Rng): number {
  return chance(rng, 0.15) ? 0 : 1; // owner now and then, the front-desk staff mostly
}

function visit(ctx: VisitContext): Visit {
  const { rng, start } = ctx;
  const drafts: Draft[] = [];
  const add = (type: Draft["type"], at: number, data: string, viaApi: boolean): Draft => {
    const draft: Draft = {
      type, at, amountCents: null, data, location: 0,
      source: viaApi ? "api" : "manual", recordedBy: viaApi ? -1 : staff(rng), viaApiKey: viaApi,
    };
    drafts.push(draft);
    return draft;
  };
  const smoothie = (at: number) => {
    const items = chance(rng, 0.15) ? 2 : 1;
    let cents = 0;
    for (let i = 0; i < items; i++) cents += pick(rng, SMOOTHIES);
    add("purchase", at, `{"items":${items}}`, false).amountCents = cents;
  };

  if (ctx.remaining === 1) {
    // Budget for one event only: a drop-in smoothie rather than half a check-in pair.
    smoothie(start);
    return { drafts, end: start + 5 * 60_000 };
  }
  // The door reader posts check-ins through the API; the front desk keys in the rest.
  const viaDoor = chance(rng, 0.7);
  add("check_in", start, "{}", viaDoor);
  if (ctx.remaining >= 3 && chance(rng, 0.03)) {
    add("redemption", start + randInt(rng, 1, 3) * 60_000, JSON.stringify({ register: "Front Desk", action: "lookup" }), false).wantsReward = true;
  }
  const minutes = Math.max(30, Math.min(120, Math.round(65 + normal(rng) * 15)));
  const out = add("check_out", start + minutes * 60_000, `{"durationMinutes":${minutes}}`, viaDoor);
  if (ctx.remaining - drafts.length >= 1 && chance(rng, 0.12)) smoothie(out.at + randInt(rng, 1, 4) * 60_000);
  return { drafts, end: (drafts[drafts.length - 1]?.at ?? out.at) + 60_000 };
}

/** Membership billing: the first month at the desk on joining, then the billing run each month. */
function recurring(ctx: RecurringContext): Draft[] {
  const cents = PLANS[ctx.customer.plan] ?? 3999;
  return ctx.billingTimes.map((at, i) => ({
    type: "purchase",
    at,
    amountCents: cents,
    data: '{"items":1}',
    location: 0,
    source: i === 0 ? "manual" : "api",
    recordedBy: i === 0 ? staff(ctx.rng) : -1,
    viaApiKey: i !== 0,
  }));
}

export const IRON_TEMPLE: MerchantProfile = {
  salt: 0x1a0,
  id: "01938b6e-4a00-7000-8000-0000000017e0",
  name: "Iron Temple Gym",
  timeZone: "Europe/London",
  currency: "GBP",
  locations: ["Shoreditch"],
  locationWeights: [1],
  users: [
    { email: "owner@irontemple.test", name: "Ivan Iron", role: "owner" },
    { email: "staff@irontemple.test", name: "Tara Trainer", role: "staff" },
  ],
  apiKeySecret: "pc_demo_irontemple_0123456789abcdef",
  serialPrefix: "IT",
  externalIdPrefix: "MEM-",
  externalIdShare: 0.6,
  phoneShare: 0.9,
  phone: (rng) => `+44 7700 900${String(randInt(rng, 0, 999)).padStart(3, "0")}`,
  weekdayWeights: [0.6, 1.25, 1.15, 1.1, 1.0, 0.8, 0.7],
  // New Year's resolutions: January is the peak, December the low; a summer dip.
  season: [1.45, 1.25, 1.1, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.0, 0.95, 0.7],
  joinSeason: [2.6, 1.5, 1.1, 1.0, 1.0, 0.8, 0.7, 0.7, 1.2, 1.0, 0.8, 0.5],
  growth: 1.5,
  retention: 0.55,
  hourWeights: (weekday) => (weekday === 0 || weekday === 6 ? WEEKEND : WEEKDAY),
  loyalty: { sigma: 0.8, cap: 6 },
  maxVisitsPerDay: 1,
  eventsPerVisit: 2.15,
  pass: { installShare: 0.9, registerShare: 0.5, uninstallShare: 0.1, digitalShare: 0.06 },
  rewards: [
    { reward: "Free Smoothie", pointsCost: 150 },
    { reward: "Guest Pass", pointsCost: 300 },
    { reward: "Free PT Session", pointsCost: 800 },
  ],
  campaigns: {
    everyDays: [10, 18],
    url: "https://irontemple.example/classes",
    names: ["New HIIT class times", "Bring a friend week", "January challenge", "Summer bootcamp", "Smoothie bar 2-for-1", "Bank holiday opening hours"],
  },
  staff,
  plan: (rng) => {
    const r = rng();
    return r < 0.25 ? 0 : r < 0.8 ? 1 : 2;
  },
  visit,
  recurring,
  recurringShare: 0.3,
};
