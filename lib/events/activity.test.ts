import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, NON_ACTIVITY_TYPES, activitySql, isActivity } from "./activity";
import { EVENT_TYPES } from "./registry";

describe("activity", () => {
  it("is every type but notification_received and pass_uninstalled", () => {
    expect([...NON_ACTIVITY_TYPES].sort()).toEqual(["notification_received", "pass_uninstalled"]);
    expect(ACTIVITY_TYPES.length + NON_ACTIVITY_TYPES.length).toBe(EVENT_TYPES.length);
  });

  it("never counts an event recorded by an automation", () => {
    expect(isActivity("purchase", "automation")).toBe(false);
    expect(isActivity("purchase", "import")).toBe(true);
    expect(isActivity("notification_received", "api")).toBe(false);
  });

  it("binds the type list and refuses an alias that is not an identifier", () => {
    const sql = activitySql("ev");
    expect(sql.sql).toContain("ev.type <> ALL(");
    expect(sql.values).toEqual([[...NON_ACTIVITY_TYPES]]);
    expect(() => activitySql("e; drop table events")).toThrow(/invalid alias/);
  });
});
