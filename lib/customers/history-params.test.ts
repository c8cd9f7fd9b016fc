import { describe, expect, it } from "vitest";
import { historyRangeProblem, parseHistoryParams } from "./history-params";

describe("history date range", () => {
  it("says so when From is after To, and nothing otherwise", () => {
    expect(historyRangeProblem(parseHistoryParams({ from: "2025-06-05", to: "2025-06-01" }))).toMatch(/“From” \(2025-06-05\) is after “To” \(2025-06-01\)/);
    expect(historyRangeProblem(parseHistoryParams({ from: "2025-06-01", to: "2025-06-01" }))).toBeNull();
    expect(historyRangeProblem(parseHistoryParams({ from: "2025-06-05" }))).toBeNull();
  });
});
