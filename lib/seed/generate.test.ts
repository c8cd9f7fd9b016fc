// The demo data generator, without a database: deterministic, exact sizes, invariants the app
// relies on (paired check-ins, balances never below zero, money in cents) and shapes that make
// the dashboards look like real businesses.
import { describe, expect, it } from "vitest";
import { buildCalendar } from "./calendar";
import { eventsFor, type SeedEvent } from "./events";
import { customerAt, DEMO_PROFILES, generateCustomers, HISTORY_DAYS, planMerchant, type MerchantPlan } from "./generate";
import { passSerial } from "./names";
import { formatCents } from "../money";
import type { MerchantProfile } from "./profile";
import { CustomerTotals } from "./totals";

const AS_OF = new Date("2026-03-15T15:00:00Z"); // the history spans DST changes in both zones
const IN_STORE = new Set(["purchase", "visit", "check_in", "check_out", "redemption", "scan"]);

function plan(profile: MerchantProfile, customers: number, events: number, seed = 42): MerchantPlan {
  return planMerchant(profile, { seed, customers, events, asOf: AS_OF });
}

function allEvents(p: MerchantPlan): { customerId: string; events: SeedEvent[] }[] {
  return Array.from({ length: p.customers }, (_, k) => eventsFor(p, k));
}

const localParts = (timeZone: string) => {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric", weekday: "short" });
  return (at: number) => {
    const parts = format.formatToParts(new Date(at));
    return { hour: Number(parts.find((p) => p.type === "hour")?.value), weekday: parts.find((p) => p.type === "weekday")?.value ?? "" };
  };
};

const brewBean = plan(DEMO_PROFILES.brewBean, 400, 20_000);
const brewBeanEvents = allEvents(brewBean);
const gym = plan(DEMO_PROFILES.ironTemple, 120, 8_000);
const gymEvents = allEvents(gym);

describe("demo data generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = plan(DEMO_PROFILES.brewBean, 400, 20_000);
    expect([...generateCustomers(again)]).toEqual([...generateCustomers(brewBean)]);
    expect(allEvents(again)).toEqual(brewBeanEvents);
    const other = plan(DEMO_PROFILES.brewBean, 400, 20_000, 7);
    expect(eventsFor(other, 0)).not.toEqual(eventsFor(brewBean, 0));
    // Ids come from their own stream: skipping them changes nothing else.
    const withoutIds = eventsFor(brewBean, 5, { ids: false }).events.map((e) => ({ ...e, id: "" }));
    expect(withoutIds).toEqual(brewBeanEvents[5]?.events.map((e) => ({ ...e, id: "" })));
  });

  it("produces exactly the requested number of customers and events", () => {
    expect(brewBeanEvents).toHaveLength(400);
    expect(brewBeanEvents.reduce((n, c) => n + c.events.length, 0)).toBe(20_000);
    expect(gymEvents.reduce((n, c) => n + c.events.length, 0)).toBe(8_000);
    expect(brewBeanEvents.every((c) => c.events.length >= 1)).toBe(true);
    const few = plan(DEMO_PROFILES.brewBean, 50, 20);
    expect(allEvents(few).reduce((n, c) => n + c.events.length, 0)).toBe(20);
  });

  it("keeps every event inside the history, in order, with time-ordered UUIDv7 ids", () => {
    const start = brewBean.calendar.midnight[0] ?? 0;
    const ids = new Set<string>();
    brewBeanEvents.forEach(({ events }, k) => {
      expect(events[0]?.at).toBe(customerAt(brewBean, k).createdAt); // created_at = first event
      events.forEach((e, i) => {
        expect(e.at).toBeGreaterThanOrEqual(start);
        expect(e.at).toBeLessThan(brewBean.calendar.endMs);
        if (i > 0) expect(e.at).toBeGreaterThanOrEqual(events[i - 1]?.at ?? 0);
        expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(parseInt(e.id.replace(/-/g, "").slice(0, 12), 16)).toBe(e.at);
        ids.add(e.id);
      });
    });
    expect(ids.size).toBe(20_000);
    expect(brewBean.calendar.endMs).toBeLessThanOrEqual(AS_OF.getTime());
  });

  it("pairs every check-in with a check-out 20–120 minutes later", () => {
    for (const { events } of [...brewBeanEvents, ...gymEvents]) {
      let open: SeedEvent | null = null;
      for (const e of events) {
        if (e.type === "check_in") {
          expect(open).toBeNull();
          open = e;
        } else if (e.type === "check_out") {
          expect(open).not.toBeNull();
          const minutes = (e.at - (open?.at ?? 0)) / 60_000;
          expect(JSON.parse(e.data)).toEqual({ durationMinutes: minutes });
          expect(minutes).toBeGreaterThanOrEqual(20);
          expect(minutes).toBeLessThanOrEqual(120);
          open = null;
        }
      }
      expect(open).toBeNull();
    }
  });

  it("never lets the points balance go below zero and settles money in whole cents", () => {
    for (const { events } of [...brewBeanEvents, ...gymEvents]) {
      let balance = 0;
      for (const e of events) {
        if (e.type === "purchase") {
          expect(Number.isInteger(e.amountCents)).toBe(true);
          expect(e.amountCents).toBeGreaterThan(0);
          expect(e.points).toBe(Math.floor((e.amountCents ?? 0) / 100));
          expect(JSON.parse(e.data).items).toBeGreaterThanOrEqual(1);
        } else {
          expect(e.amountCents).toBeNull();
        }
        if (e.type === "redemption") {
          const data = JSON.parse(e.data) as { reward: string; pointsCost: number };
          expect(e.points).toBe(-data.pointsCost);
          expect(data.reward).toBeTruthy();
        }
        if (e.type !== "purchase" && e.type !== "redemption") expect(e.points).toBe(0);
        if (!e.voided) balance += e.points;
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(e.location >= 0).toBe(IN_STORE.has(e.type));
      }
    }
    expect(formatCents(325)).toBe("3.25");
    expect(formatCents(4999)).toBe("49.99");
    expect(formatCents(1005)).toBe("10.05");
    expect(formatCents(0)).toBe("0.00");
  });

  it("follows the coffee shop's local rhythm: morning rush, lunch bump, quiet Sundays, closed at night", () => {
    const local = localParts(DEMO_PROFILES.brewBean.timeZone);
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Map<string, number>();
    for (const { events } of brewBeanEvents) {
      for (const e of events.filter((x) => x.type === "purchase")) {
        const { hour, weekday } = local(e.at);
        byHour[hour] = (byHour[hour] ?? 0) + 1;
        byWeekday.set(weekday, (byWeekday.get(weekday) ?? 0) + 1);
      }
    }
    const at = (h: number) => byHour[h] ?? 0;
    expect(at(8)).toBeGreaterThan(at(15) * 1.8);
    expect(at(12)).toBeGreaterThan(at(10));
    expect(byHour.slice(0, 5).reduce((a, b) => a + b, 0)).toBe(0);
    expect(at(22) + at(23)).toBe(0);
    expect(byWeekday.get("Sun") ?? 0).toBeLessThan((byWeekday.get("Wed") ?? 0) * 0.7);
    const drinks = brewBeanEvents.flatMap((c) => c.events).filter((e) => e.type === "purchase" && JSON.parse(e.data).items === 1);
    expect(Math.min(...drinks.map((e) => e.amountCents ?? 0))).toBeGreaterThanOrEqual(325);
  });

  it("has heavy-tailed loyalty: a few regulars with hundreds of events, many occasional customers", () => {
    const sizes = brewBeanEvents.map((c) => c.events.length).sort((a, b) => b - a);
    const top5 = sizes.slice(0, sizes.length / 20).reduce((a, b) => a + b, 0);
    expect(top5 / 20_000).toBeGreaterThan(0.2);
    expect(sizes[0]).toBeGreaterThan(200);
    expect(sizes[sizes.length / 2]).toBeLessThan(20_000 / 400);
  });

  it("makes the gym check-in heavy with monthly membership payments", () => {
    const counts = new Map<string, number>();
    const amounts = new Set<number>();
    for (const { events } of gymEvents) {
      for (const e of events) {
        counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
        if (e.type === "purchase") amounts.add(e.amountCents ?? 0);
      }
    }
    expect((counts.get("check_in") ?? 0) / 8_000).toBeGreaterThan(0.3);
    expect(counts.get("redemption") ?? 0).toBeLessThan((counts.get("check_in") ?? 0) / 20);
    for (const plan of [2999, 3999, 4999]) expect(amounts.has(plan)).toBe(true);
  });

  it("gives customers believable, unique identities", () => {
    const customers = [...generateCustomers(brewBean)];
    expect(new Set(customers.map((c) => c.passSerial)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.email)).size).toBe(customers.length);
    for (const c of customers) {
      expect(c.passSerial).toMatch(/^BB-[A-Z2-9]{8}$/);
      expect(c.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.com$/);
      if (c.phone) expect(c.phone).toMatch(/^\+1 \d{3} 555 0\d{3}$/);
      if (c.externalId) expect(c.externalId).toBe(`POS-${String(c.ordinal).padStart(6, "0")}`);
    }
    expect(customers.some((c) => /[^\x00-\x7f]/.test(c.name))).toBe(true);
    const withPhone = customers.filter((c) => c.phone).length / customers.length;
    expect(withPhone).toBeGreaterThan(0.7);
    // Join order: ordinals (and POS numbers) grow with the sign-up date.
    for (let i = 1; i < customers.length; i++) expect(customers[i]?.createdAt).toBeGreaterThanOrEqual(customers[i - 1]?.createdAt ?? 0);
    const serials = new Set(Array.from({ length: 50_000 }, (_, n) => passSerial("BB", n + 1, 7)));
    expect(serials.size).toBe(50_000);
  });

  it("totals each pass as the write path would", () => {
    const totals = new CustomerTotals(brewBean.customers);
    brewBeanEvents.forEach(({ events }, k) => totals.record(k, events));
    for (let k = 0; k < brewBean.customers; k++) {
      const events = (brewBeanEvents[k]?.events ?? []).filter((e) => !e.voided);
      const t = totals.get(k);
      const spend = events.filter((e) => e.type === "purchase").reduce((n, e) => n + (e.amountCents ?? 0), 0);
      expect(t.pointsBalance).toBe(events.reduce((n, e) => n + e.points, 0));
      expect(t.visitCount).toBe(events.filter((e) => e.type === "visit" || e.type === "check_in").length);
      expect(t.lifetimeSpendCents).toBe(spend);
      expect(t.tier).toBe(spend >= 150_000 ? "Gold" : spend >= 50_000 ? "Silver" : null);
      const lastPass = events.filter((e) => e.type.startsWith("pass_")).at(-1)?.type;
      expect(t.passStatus).toBe(lastPass === "pass_uninstalled" ? "uninstalled" : lastPass ? "installed" : "not_installed");
      const activity = events.filter((e) => e.source !== "automation" && e.type !== "notification_received" && e.type !== "pass_uninstalled");
      expect(t.firstSeenAt).toBe(activity[0]?.at ?? null);
      expect(t.lastSeenAt).toBe(activity.at(-1)?.at ?? null);
    }
  });

  it("lays out local days across daylight-saving changes", () => {
    const calendar = buildCalendar("America/New_York", AS_OF, HISTORY_DAYS);
    const lengths = new Set<number>();
    for (let d = 0; d < calendar.days; d++) lengths.add(((calendar.midnight[d + 1] ?? 0) - (calendar.midnight[d] ?? 0)) / 3_600_000);
    expect([...lengths].sort()).toEqual([23, 24, 25]);
    expect(localParts("America/New_York")(calendar.endMs).hour).toBe(0);
  });
});
