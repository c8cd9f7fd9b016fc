// One customer's timeline: pass lifecycle, scheduled events (gym billing), campaign notifications
// and app use, and store visits, sized to the customer's exact event budget. Points are settled
// last, in time order, so a reward is redeemed only when the running balance covers it.
import { atLocal, dayOf } from "./calendar";
import { customerId, planCustomer, POINTS_PER_CURRENCY, STREAM, type CustomerPlan, type MerchantPlan } from "./generate";
import type { Draft } from "./profile";
import { chance, pick, randInt, seededUuidv7, streamFor, type Rng } from "./random";

export type SeedEvent = Omit<Draft, "wantsReward"> & { id: string; points: number };

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The events of the customer with this ordinal, oldest first. `ids: false` skips the (comparatively
 * costly) event ids when only totals are needed; ids come from their own stream, so everything
 * else is identical either way.
 */
export function eventsFor(plan: MerchantPlan, ordinalIndex: number, options: { ids?: boolean } = {}): { customerId: string; events: SeedEvent[] } {
  const index = plan.order[ordinalIndex] ?? 0;
  const customer = planCustomer(plan, index);
  const rng = streamFor(plan.seed, plan.profile.salt, index, STREAM.events);
  const id = customerId(plan, index);
  if (customer.budget === 0) return { customerId: id, events: [] };

  const drafts: Draft[] = [];
  const budget = { left: customer.budget };
  const installedUntil = passLifecycle(plan, customer, rng, drafts, budget);
  const billingDone = scheduled(plan, customer, rng, drafts, budget);
  if (installedUntil > customer.joinAt && budget.left >= 2) digital(plan, customer, rng, drafts, budget, installedUntil);
  visits(plan, customer, rng, drafts, budget, billingDone);
  const idRng = options.ids === false ? null : streamFor(plan.seed, plan.profile.salt, index, STREAM.eventIds);
  return { customerId: id, events: settle(plan, rng, drafts, idRng) };
}

const digitalDraft = (type: Draft["type"], at: number, data: string, source: Draft["source"]): Draft => ({
  type, at, amountCents: null, data, location: -1, source, recordedBy: -1, viaApiKey: false,
});

/** Installs at sign-up (most customers), sometimes registers, sometimes removes the pass later. */
function passLifecycle(plan: MerchantPlan, c: CustomerPlan, rng: Rng, drafts: Draft[], budget: { left: number }): number {
  if (!c.hasPass || budget.left < 2) return -Infinity;
  const { endMs } = plan.calendar;
  const platform = `{"platform":"${chance(rng, 0.6) ? "apple" : "google"}"}`;
  drafts.push(digitalDraft("pass_installed", c.joinAt, platform, "api"));
  budget.left--;
  let last = c.joinAt;
  if (budget.left >= 2 && chance(rng, plan.profile.pass.registerShare)) {
    last = c.joinAt + Math.min(randInt(rng, 2, 72 * 60) * MINUTE, (endMs - c.joinAt) / 2);
    drafts.push(digitalDraft("pass_registered", Math.round(last), platform, "api"));
    budget.left--;
  }
  if (budget.left >= 2 && chance(rng, plan.profile.pass.uninstallShare)) {
    const at = Math.round(last + Math.max(HOUR, (endMs - last) * (0.3 + 0.7 * rng())));
    if (at < endMs - HOUR) {
      drafts.push(digitalDraft("pass_uninstalled", at, platform, "api"));
      budget.left--;
      return at;
    }
  }
  return endMs;
}

/** Monthly billing on the join day-of-month (gym). Returns how many billing events were added. */
function scheduled(plan: MerchantPlan, c: CustomerPlan, rng: Rng, drafts: Draft[], budget: { left: number }): number {
  const { profile, calendar } = plan;
  if (!profile.recurring || budget.left < 1) return 0;
  const max = Math.max(1, Math.floor(budget.left * (profile.recurringShare ?? 0.3)));
  // The first month is paid at the desk on joining (just after the pass install, if any).
  const times = [c.joinAt + (drafts.length > 0 ? randInt(rng, 60, 180) * 1000 : 0)];
  const billingDay = Math.min(calendar.dayOfMonth[c.joinDay] ?? 1, 28);
  for (let d = c.joinDay + 1; d <= c.lastDay && times.length < max; d++) {
    if (calendar.dayOfMonth[d] !== billingDay) continue;
    const at = atLocal(calendar, d, 6 * 60 + rng() * 15);
    if (at < calendar.endMs - HOUR) times.push(at);
  }
  const billed = profile.recurring({ rng, customer: c.traits, joinAt: c.joinAt, billingTimes: times });
  drafts.push(...billed);
  budget.left -= billed.length;
  return billed.length;
}

/** Campaign notifications (some opened, a few clicked) and app opens while the pass is installed. */
function digital(plan: MerchantPlan, c: CustomerPlan, rng: Rng, drafts: Draft[], budget: { left: number }, until: number) {
  const { calendar, campaigns, profile } = plan;
  let left = Math.min(budget.left - 1, Math.round(budget.left * profile.pass.digitalShare * (0.5 + rng())));
  const used = left;
  let first = 0;
  while (first < campaigns.length && (campaigns[first]?.at ?? 0) <= c.joinAt) first++;
  let end = first;
  while (end < campaigns.length && (campaigns[end]?.at ?? 0) < until) end++;

  // A random subset of the campaigns sent while installed; ~1.45 events per campaign received.
  const eligible = Array.from({ length: end - first }, (_, i) => first + i);
  const received = Math.min(eligible.length, Math.floor((left * 0.7) / 1.45));
  for (let i = 0; i < received; i++) {
    const j = i + Math.floor(rng() * (eligible.length - i));
    [eligible[i], eligible[j]] = [eligible[j] ?? 0, eligible[i] ?? 0];
  }
  for (const n of eligible.slice(0, received).sort((a, b) => a - b)) {
    const campaign = campaigns[n];
    if (!campaign || left < 1) break;
    const at = campaign.at + randInt(rng, 0, 120) * 1000;
    drafts.push(digitalDraft("notification_received", at, campaign.data, "automation"));
    left--;
    if (left >= 1 && chance(rng, 0.3)) {
      const opened = Math.round(at + Math.min(randInt(rng, 1, 240) * MINUTE, (calendar.endMs - at) / 2));
      drafts.push(digitalDraft("notification_opened", opened, campaign.data, "api"));
      left--;
      if (left >= 1 && chance(rng, 0.35)) {
        const clicked = Math.round(opened + Math.min(randInt(rng, 5, 60) * 1000, (calendar.endMs - opened) / 2));
        drafts.push(digitalDraft("link_click", clicked, JSON.stringify({ url: profile.campaigns.url }), "api"));
        left--;
      }
    }
  }
  // The rest: opening the merchant's app, in waking hours, while the pass is installed.
  const lastDay = Math.min(dayOf(calendar, until - 1), calendar.days - 1);
  for (; left > 0; left--) {
    const d = randInt(rng, c.joinDay, Math.max(c.joinDay, lastDay));
    let at = atLocal(calendar, d, 420 + rng() * 960);
    if (at <= c.joinAt || at >= until) at = Math.round(c.joinAt + 1000 + rng() * (until - c.joinAt - 2000));
    drafts.push(digitalDraft("app_open", at, "{}", "api"));
  }
  budget.left -= used;
}

type BusyDays = Map<number, { count: number; until: number }>;

/** Store visits until the budget is spent; never two overlapping visits (check-in pairs stay paired). */
function visits(plan: MerchantPlan, c: CustomerPlan, rng: Rng, drafts: Draft[], budget: { left: number }, billed: number) {
  const busy: BusyDays = new Map();
  for (let first = true; budget.left > 0; first = false) {
    const location = chance(rng, 0.85) ? c.traits.home : plan.locationPicker.pick(rng);
    // The first visit is the sign-up: right after the pass install (and the gym's first payment).
    const { day, start } = first
      ? { day: c.joinDay, start: c.joinAt + (drafts.length > 0 ? randInt(rng, 30, 90) * 1000 : 0) + (billed > 0 ? 4 * MINUTE : 0) }
      : visitStart(plan, c, rng, busy, location);
    const localHour = Math.floor((start - (plan.calendar.midnight[day] ?? 0)) / HOUR);
    const visit = plan.profile.visit({ rng, start, localHour, location, remaining: budget.left, customer: c.traits });
    drafts.push(...visit.drafts);
    budget.left -= visit.drafts.length;
    const seen = busy.get(day);
    busy.set(day, { count: (seen?.count ?? 0) + 1, until: Math.max(seen?.until ?? 0, visit.end) });
  }
}

/**
 * A day (weighted by weekday) and a start time (the customer's usual hour or the shop's hourly
 * pattern). A day already visited gets a later visit, after the last one ends and before closing;
 * only when a customer's budget outgrows their days does it fall back to short gaps.
 */
function visitStart(plan: MerchantPlan, c: CustomerPlan, rng: Rng, busy: BusyDays, location: number): { day: number; start: number } {
  const { profile, calendar } = plan;
  const maxWeight = Math.max(...profile.weekdayWeights) * Math.max(...profile.season);
  // Nothing after the moment of seeding: a visit (≤ ~2 h) starts at least 3 h before it.
  const cutoff = calendar.endMs - 3 * HOUR;
  for (let attempt = 0; attempt <= 5000; attempt++) {
    const day = randInt(rng, c.joinDay, c.lastDay);
    const weekday = calendar.weekday[day] ?? 0;
    const weight = (profile.weekdayWeights[weekday] ?? 1) * (profile.season[calendar.month[day] ?? 0] ?? 1);
    if (attempt < 50 && rng() * maxWeight > weight) continue;
    if ((calendar.midnight[day] ?? 0) >= cutoff) continue;
    const open = profile.hourWeights(weekday, location);
    const seen = busy.get(day);
    if (!seen) {
      const usual = chance(rng, 0.55) && (open[c.traits.usualHour] ?? 0) > 0;
      const hour = usual ? c.traits.usualHour : (plan.hourPickers[location]?.[weekday]?.pick(rng) ?? 9);
      const start = atLocal(calendar, day, hour * 60 + rng() * 59.9);
      if (start >= cutoff) continue;
      return { day, start };
    }
    const crowded = attempt >= 200;
    if (seen.count >= profile.maxVisitsPerDay && !crowded) continue;
    const start = seen.until + randInt(rng, crowded ? 5 : 30, crowded ? 20 : 240) * MINUTE;
    // Visits last at most ~2 h, so starting 3 h before midnight keeps them within the day.
    const latest = Math.min(cutoff, crowded ? (calendar.midnight[day + 1] ?? 0) - 3 * HOUR : atLocal(calendar, day, (open.findLastIndex((w) => w > 0) + 1) * 60));
    if (start < latest) return { day, start };
  }
  throw new Error(`Cannot fit ${c.budget} events into ${c.lastDay - c.joinDay + 1} days`);
}

/** Time order, points and ids. A wished-for reward is redeemed only if the balance covers it. */
function settle(plan: MerchantPlan, rng: Rng, drafts: Draft[], idRng: Rng | null): SeedEvent[] {
  drafts.sort((a, b) => a.at - b.at); // stable: same-instant drafts keep their causal order
  const { rewards } = plan.profile;
  let balance = 0;
  return drafts.map((draft) => {
    const { wantsReward, ...rest } = draft;
    let points = 0;
    let type = rest.type;
    let data = rest.data;
    if (type === "purchase") points = Math.floor(((rest.amountCents ?? 0) * POINTS_PER_CURRENCY) / 100);
    if (wantsReward) {
      const affordable = rewards.filter((r) => r.pointsCost <= balance);
      if (affordable.length > 0) {
        const reward = pick(rng, affordable);
        type = "redemption";
        data = JSON.stringify({ reward: reward.reward, pointsCost: reward.pointsCost });
        points = -reward.pointsCost;
      } else {
        type = "scan"; // staff scanned the pass to check the balance: not enough points yet
        points = 0;
      }
    }
    if (!rest.voided) balance += points;
    return { ...rest, type, data, points, id: idRng ? seededUuidv7(rest.at, idRng) : "" };
  });
}
