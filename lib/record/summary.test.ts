import { describe, expect, it } from "vitest";
import { recordedSummary, type RecordedSummaryInput } from "./summary";

const base: RecordedSummaryInput = { type: "visit", customName: null, occurredAt: "2026-03-10T15:00:00Z", amount: null, points: 0, location: null, data: {} };
const at = new Date("2026-03-10T15:00:05Z");

describe("recordedSummary", () => {
  it("names the date of a back-dated event in the shop's zone", () => {
    expect(recordedSummary(base, "USD", "America/New_York", at).details).toEqual([]);
    const earlier = recordedSummary({ ...base, occurredAt: "2026-03-10T13:30:00Z" }, "USD", "America/New_York", at);
    expect(earlier.details).toEqual(["At 9:30 AM today"]);
    const old = recordedSummary({ ...base, occurredAt: "2023-05-02T16:00:00Z" }, "USD", "America/New_York", at);
    expect(old.details).toEqual(["Dated Tue, May 2, 2023, 12:00 PM"]);
  });

  it("gives a check-out its visit length, or says no check-in was open", () => {
    const paired = recordedSummary({ ...base, type: "check_out", data: { durationMinutes: 85 } }, "USD", "UTC", at);
    expect(paired.details).toEqual(["Visit length 1 h 25 min"]);
    expect(paired.warning).toBeNull();
    const lone = recordedSummary({ ...base, type: "check_out" }, "USD", "UTC", at);
    expect(lone.warning).toMatch(/No open check-in/);
  });

  it("names the reward of a redemption", () => {
    const s = recordedSummary({ ...base, type: "redemption", points: -100, data: { reward: "Free Coffee", pointsCost: 100 } }, "USD", "UTC", at);
    expect(s.title).toBe("Redemption: Free Coffee");
    expect(s.details).toEqual(["-100 points"]);
  });
});
