import { describe, expect, it } from "vitest";
import { hasRole, navItemsFor } from "./roles";

describe("roles", () => {
  it("ranks owner above manager above staff", () => {
    expect(hasRole("owner", "manager")).toBe(true);
    expect(hasRole("manager", "owner")).toBe(false);
    expect(hasRole("staff", "staff")).toBe(true);
    expect(hasRole("staff", "manager")).toBe(false);
  });

  it("shows each role only the sections it may open", () => {
    expect(navItemsFor("staff").map((i) => i.label)).toEqual(["Overview", "Customers", "Record event"]);
    expect(navItemsFor("manager").map((i) => i.label)).toEqual([
      "Overview", "Customers", "Record event", "Imports", "Segments", "Reports",
    ]);
    expect(navItemsFor("owner").map((i) => i.label)).toContain("Settings");
  });
});
