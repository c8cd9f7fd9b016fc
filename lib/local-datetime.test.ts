import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "./local-datetime";

describe("fromLocalInput", () => {
  it("reads the wall-clock time in the merchant's zone, whatever the server's zone", () => {
    expect(fromLocalInput("2025-01-15T10:45", "America/New_York")?.toISOString()).toBe("2025-01-15T15:45:00.000Z");
    expect(fromLocalInput("2025-07-15T10:45", "America/New_York")?.toISOString()).toBe("2025-07-15T14:45:00.000Z");
    expect(fromLocalInput("2025-01-15T10:45", "Europe/Berlin")?.toISOString()).toBe("2025-01-15T09:45:00.000Z");
  });

  it("refuses malformed and impossible dates", () => {
    expect(fromLocalInput("yesterday", "UTC")).toBeNull();
    expect(fromLocalInput("2025-02-30T10:00", "UTC")).toBeNull();
    expect(fromLocalInput("2025-01-15T24:00", "UTC")).toBeNull();
  });

  it("round-trips with toLocalInput", () => {
    const instant = new Date("2025-03-30T01:30:00Z");
    for (const zone of ["America/Los_Angeles", "Europe/London", "Asia/Kolkata"]) {
      expect(fromLocalInput(toLocalInput(instant, zone), zone)?.toISOString()).toBe(instant.toISOString());
    }
  });
});
