import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tier } from "@/lib/loyalty/rules";
import { applyEvent, EMPTY_PASS, foldEvents, isActivity, orderFactsOf, passRules, type PassEvent, type PassFacts } from "./pass-rules";
import { EVENT_SOURCES, EVENT_TYPES } from "./registry";

const SOURCES = EVENT_SOURCES;
const TIERS: Tier[] = [{ name: "Silver", minSpend: "5.00" }, { name: "Gold", minSpend: "15.00" }];
const rules = passRules(TIERS);

// A few instants only, so events share times (ties decide pass status) as they do in real data.
const eventArb: fc.Arbitrary<PassEvent> = fc
  .record({ type: fc.constantFrom(...EVENT_TYPES), source: fc.constantFrom(...SOURCES), occurredAt: fc.integer({ min: 0, max: 20 }), cents: fc.integer({ min: 0, max: 2_000 }), cost: fc.integer({ min: 0, max: 50 }) })
  .map(({ type, source, occurredAt, cents, cost }) => ({
    type, source, occurredAt: 1_700_000_000_000 + occurredAt * 60_000,
    amountCents: type === "purchase" || type === "custom" ? cents : null,
    points: type === "purchase" ? Math.floor(cents / 100) : type === "redemption" ? -cost : 0,
  }));

/** Voids these events (indexes into `all`) one by one, as voidEvent does: the rest is what is still live. */
function voidInOrder(start: PassFacts, all: PassEvent[], order: number[], check: (state: PassFacts, live: PassEvent[]) => void): PassFacts {
  const voided = new Set<number>();
  let state = start;
  for (const index of order) {
    voided.add(index);
    const live = all.filter((_, i) => !voided.has(i));
    state = applyEvent(state, all[index] as PassEvent, rules, -1, orderFactsOf(live));
    check(state, live);
  }
  return state;
}

describe("pass rules", () => {
  it("recording events and then voiding them in any order returns the pass exactly to where it was", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), fc.array(eventArb, { minLength: 1, maxLength: 12 }), fc.infiniteStream(fc.nat()), (base, added, seeds) => {
        const before = foldEvents(base, rules);
        let state = before;
        for (const event of added) state = applyEvent(state, event, rules, 1);
        const all = [...base, ...added];
        const order = shuffle(added.map((_, i) => base.length + i), seeds);
        const after = voidInOrder(state, all, order, (s, live) => expect(s).toEqual(foldEvents(live, rules)));
        expect(after).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("the pass always equals a fold of its live events, whatever was voided and in whatever order", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 20 }), fc.infiniteStream(fc.nat()), fc.nat(), (events, seeds, howMany) => {
        let state: PassFacts = { ...EMPTY_PASS };
        for (const event of events) {
          state = applyEvent(state, event, rules, 1);
          expect(state).toEqual(foldEvents(events.slice(0, events.indexOf(event) + 1), rules));
        }
        const order = shuffle(events.map((_, i) => i), seeds).slice(0, howMany % (events.length + 1));
        voidInOrder(state, events, order, (s, live) => expect(s).toEqual(foldEvents(live, rules)));
      }),
      { numRuns: 500 },
    );
  });

  it("a fold does not depend on the order the events arrived in", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), fc.infiniteStream(fc.nat()), (events, seeds) => {
        expect(foldEvents(shuffle(events, seeds), rules)).toEqual(foldEvents(events, rules));
      }),
    );
  });

  it("counts visits, spend and tiers, and the status of the latest status-setting event", () => {
    const at = (minute: number) => 1_700_000_000_000 + minute * 60_000;
    const pass = foldEvents([
      { type: "pass_uninstalled", source: "api", occurredAt: at(30), amountCents: null, points: 0 },
      { type: "purchase", source: "manual", occurredAt: at(10), amountCents: 1_650, points: 16 },
      { type: "check_in", source: "manual", occurredAt: at(11), amountCents: null, points: 0 },
      { type: "pass_installed", source: "api", occurredAt: at(1), amountCents: null, points: 0 },
      { type: "notification_received", source: "automation", occurredAt: at(40), amountCents: null, points: 0 },
      { type: "redemption", source: "manual", occurredAt: at(12), amountCents: null, points: -10 },
    ], rules);
    // Redemptions take points from the balance, never from what was earned.
    expect(pass).toEqual({ points: 6, pointsEarned: 16, visits: 1, spendCents: 1_650, tier: "Gold", status: "uninstalled", statusAt: at(30), firstActivityAt: at(1), lastActivityAt: at(12) });
  });

  it("activity is every type but notification_received and pass_uninstalled, and never an automation", () => {
    expect(EVENT_TYPES.filter((t) => !isActivity(t, "api"))).toEqual(["notification_received", "pass_uninstalled"]);
    expect(EVENT_TYPES.some((t) => isActivity(t, "automation"))).toBe(false);
  });
});

function shuffle<T>(items: T[], seeds: fc.Stream<number>): T[] {
  const out = [...items];
  const it = seeds[Symbol.iterator]();
  for (let i = out.length - 1; i > 0; i--) {
    const j = (it.next().value as number) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
