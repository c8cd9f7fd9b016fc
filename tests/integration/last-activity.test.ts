// "Last activity" is what the customer did, never what an automation did to them, and "in the last
// 30 days" is the same rolling window on the overview and in the customer filter.
import { describe, expect, it } from "vitest";
import { listCustomers } from "@/lib/customers/list";
import { merchantOverview } from "@/lib/reports/overview";
import { addEvents, createCustomer } from "../support/customer-fixtures";
import { createContext } from "../support/factories";

const NOW = new Date("2025-06-15T16:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

describe("last activity", () => {
  it("does not move for a notification or an automation's event, so a win-back keeps its audience", async () => {
    const context = await createContext("owner", { timeZone: "America/New_York" });
    const lapsed = await createCustomer(context, { name: "Lapsed" });
    await addEvents(context, lapsed.id, [
      { type: "visit", at: ago(40 * 24) },
      { type: "notification_received", at: ago(2), data: { campaign: "Win-back" }, source: "automation" },
      { type: "notification_received", at: ago(1), data: { campaign: "Newsletter" }, source: "api" },
    ]);
    const notSeen = await listCustomers(context, { activity: "not_seen_30d" }, NOW);
    expect(notSeen.data.map((c) => c.name)).toEqual(["Lapsed"]);
    expect(notSeen.data[0]?.lastSeenAt?.toISOString()).toBe(ago(40 * 24));
    expect((await merchantOverview(context, NOW)).activeCustomers30d).toBe(0);
  });

  it("counts the same customers as active on the overview and in the filter, at the window's edge", async () => {
    const context = await createContext("owner", { timeZone: "America/New_York" });
    // 30 local days back from NOW is 30×24 hours here (no daylight-saving change in between).
    for (const [name, hours] of [["inside", 30 * 24 - 1], ["outside", 30 * 24 + 1]] as const) {
      const c = await createCustomer(context, { name });
      await addEvents(context, c.id, [{ type: "visit", at: ago(hours) }]);
    }
    const active = await listCustomers(context, { activity: "seen_30d" }, NOW);
    expect(active.data.map((c) => c.name)).toEqual(["inside"]);
    expect((await merchantOverview(context, NOW)).activeCustomers30d).toBe(active.count);
  });
});
