// Brew & Bean: a three-shop coffee chain in New York. Morning rush, a lunch bump, quiet Sundays,
// an airport shop that opens early and never has a quiet weekend.
import { chance, pick, randInt, WeightedIndex, type Rng } from "./random";
import { hours, type Draft, type MerchantProfile, type VisitContext, type Visit } from "./profile";

const WEEKDAY = hours({ 6: 0.6, 7: 2.4, 8: 2.8, 9: 1.7, 10: 1.0, 11: 1.0, 12: 1.5, 13: 1.2, 14: 0.7, 15: 0.8, 16: 0.6, 17: 0.45, 18: 0.3, 19: 0.15 });
const SATURDAY = hours({ 7: 0.4, 8: 1.0, 9: 1.6, 10: 1.7, 11: 1.4, 12: 1.3, 13: 1.1, 14: 0.9, 15: 0.8, 16: 0.6, 17: 0.4, 18: 0.2 });
const SUNDAY = hours({ 8: 0.6, 9: 1.1, 10: 1.2, 11: 1.0, 12: 0.9, 13: 0.7, 14: 0.5, 15: 0.4, 16: 0.2 });
const AIRPORT = hours({ 5: 1.2, 6: 1.8, 7: 1.9, 8: 1.7, 9: 1.3, 10: 1.1, 11: 1.0, 12: 1.2, 13: 1.1, 14: 1.0, 15: 1.0, 16: 1.0, 17: 1.0, 18: 0.9, 19: 0.7, 20: 0.4 });
const AIRPORT_INDEX = 2;
const REGISTERS = [["R1", "R2"], ["R1"], ["R1", "R2", "R3"]] as const;

// Prices in cents. Drinks stay within $3.25–$7.50 after size and milk changes.
const DRINKS = [325, 325, 375, 495, 500, 475, 525, 545, 575, 595, 650, 675];
const DRINK_PICK = new WeightedIndex([6, 10, 9, 7, 6, 10, 14, 5, 5, 4, 3, 3]);
const BREAKFAST = [395, 375, 425, 795, 950]; // croissant, muffin, bagel, breakfast sandwich, avocado toast
const LUNCH = [1050, 1125, 695, 895]; // panini, salad, soup, wrap
const SNACKS = [275, 350, 395]; // cookie, banana bread, croissant

function drinkCents(rng: Rng): number {
  let cents = DRINKS[DRINK_PICK.pick(rng)] ?? 475;
  if (chance(rng, 0.3)) cents += 50; // large
  if (chance(rng, 0.15)) cents += 70; // oat milk
  if (chance(rng, 0.1)) cents += 90; // extra shot
  return Math.min(cents, 750);
}

/** A realistic basket for the hour: mostly one drink, food at breakfast and lunch. */
function basket(rng: Rng, localHour: number): { cents: number; items: number } {
  const drinks = chance(rng, 0.1) ? (chance(rng, 0.2) ? 3 : 2) : 1;
  let cents = 0;
  for (let i = 0; i < drinks; i++) cents += drinkCents(rng);
  let items = drinks;
  const [menu, foodChance] = localHour < 11 ? [BREAKFAST, 0.3] : localHour < 15 ? [LUNCH, 0.35] : [SNACKS, 0.2];
  if (chance(rng, foodChance)) {
    cents += pick(rng, menu);
    items += 1;
  }
  return { cents, items };
}

function staff(rng: Rng): number {
  const r = rng();
  return r < 0.05 ? 0 : r < 0.3 ? 1 : 2; // owner, manager, staff (by the order of `users`)
}

function visit(ctx: VisitContext): Visit {
  const { rng, location, localHour } = ctx;
  const drafts: Draft[] = [];
  const register = pick(rng, REGISTERS[location] ?? ["R1"]);
  const inStore = (type: Draft["type"], at: number, data: string, viaPos: boolean): Draft => {
    const draft: Draft = {
      type, at, amountCents: null, data, location,
      source: viaPos ? "api" : "manual", recordedBy: viaPos ? -1 : staff(rng), viaApiKey: viaPos,
    };
    drafts.push(draft);
    return draft;
  };
  const left = () => ctx.remaining - drafts.length;
  const lookup = JSON.stringify({ register, action: "lookup" });
  let t = ctx.start;
  const kind = left() >= 2 && chance(rng, 0.06) ? "work" : chance(rng, 0.1) ? "visit" : "buy";

  // At the counter, before paying: a pass scan to check the balance, or a reward.
  if (left() >= 2 && kind !== "work" && chance(rng, 0.06)) {
    inStore("scan", t, lookup, true);
    t += randInt(rng, 5, 40) * 1000;
  }
  if (left() >= 2 && chance(rng, 0.09)) {
    inStore("redemption", t, lookup, chance(rng, 0.3)).wantsReward = true;
    t += randInt(rng, 10, 60) * 1000;
  }

  const purchase = (at: number) => {
    const { cents, items } = basket(rng, localHour);
    const draft = inStore("purchase", at, `{"items":${items}}`, chance(rng, 0.65));
    draft.amountCents = cents;
    return draft;
  };

  if (kind === "work" && left() >= 2) {
    // Laptop session: check in, order, check out 20–120 minutes later.
    const checkIn = inStore("check_in", t, "{}", false);
    if (left() >= 2) purchase(t + randInt(rng, 1, 4) * 60_000);
    const minutes = Math.min(120, 20 + Math.floor(-Math.log(Math.max(1 - rng(), 1e-9)) * 35));
    const out = inStore("check_out", checkIn.at + minutes * 60_000, `{"durationMinutes":${minutes}}`, false);
    out.recordedBy = checkIn.recordedBy;
    return { drafts, end: out.at };
  }
  if (kind === "visit") {
    inStore("visit", t, "{}", false);
    return { drafts, end: t + randInt(rng, 3, 10) * 60_000 };
  }
  const paid = purchase(t);
  // Now and then a manual entry is keyed twice and a manager voids the copy.
  if (paid.source === "manual" && left() >= 1 && chance(rng, 0.004)) {
    const copy = { ...paid, at: paid.at + randInt(rng, 15, 50) * 1000 };
    copy.voided = { at: copy.at + randInt(rng, 2, 15) * 60_000, by: 1, reason: "Entered twice" };
    drafts.push(copy);
  }
  return { drafts, end: t + randInt(rng, 3, 15) * 60_000 };
}

export const BREW_BEAN: MerchantProfile = {
  salt: 0xb0b0,
  id: "01938b6e-4a00-7000-8000-00000000b0b0",
  name: "Brew & Bean",
  timeZone: "America/New_York",
  currency: "USD",
  locations: ["Downtown", "Riverside", "Airport"],
  locationWeights: [0.5, 0.3, 0.2],
  users: [
    { email: "owner@brewbean.test", name: "Olivia Owner", role: "owner" },
    { email: "manager@brewbean.test", name: "Marco Manager", role: "manager" },
    { email: "staff@brewbean.test", name: "Sam Staff", role: "staff" },
  ],
  apiKeySecret: "pc_demo_brewbean_0123456789abcdef",
  serialPrefix: "BB",
  externalIdPrefix: "POS-",
  externalIdShare: 0.6,
  phoneShare: 0.85,
  phone: (rng) => `+1 ${pick(rng, ["212", "646", "718", "917", "347"])} 555 0${String(randInt(rng, 0, 999)).padStart(3, "0")}`,
  weekdayWeights: [0.5, 1.0, 1.0, 1.05, 1.05, 1.1, 0.8],
  // Busiest in December (holiday drinks, gifts), quieter in the summer holidays.
  season: [0.95, 0.9, 0.95, 1.0, 1.0, 0.92, 0.85, 0.85, 1.0, 1.05, 1.15, 1.4],
  joinSeason: [1.0, 0.9, 1.0, 1.0, 1.0, 0.9, 0.85, 0.85, 1.1, 1.1, 1.2, 1.5],
  growth: 1.8,
  retention: 0.6,
  hourWeights: (weekday, location) => (location === AIRPORT_INDEX ? AIRPORT : weekday === 0 ? SUNDAY : weekday === 6 ? SATURDAY : WEEKDAY),
  loyalty: { sigma: 1.25, cap: 14 },
  maxVisitsPerDay: 2,
  eventsPerVisit: 1.25,
  pass: { installShare: 0.85, registerShare: 0.35, uninstallShare: 0.12, digitalShare: 0.2 },
  rewards: [
    { reward: "Free Coffee", pointsCost: 100 },
    { reward: "Free Pastry", pointsCost: 150 },
    { reward: "Free Lunch Combo", pointsCost: 400 },
  ],
  campaigns: {
    everyDays: [7, 14],
    url: "https://brewbean.example/offers",
    names: [
      "Double points Tuesday", "Pumpkin spice is back", "Oat milk at no extra charge", "Holiday blend now pouring",
      "Cold brew season", "We miss you: a pastry on us", "2-for-1 after 2pm", "New breakfast sandwich", "Rainy day? Free upsize",
    ],
  },
  staff,
  plan: () => 0,
  visit,
};
