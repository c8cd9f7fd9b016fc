import { describe, expect, it } from "vitest";
import { segmentSentence } from "./sentence";
import { segmentTemplate } from "./templates";
import type { SegmentDefinition } from "./definition";

const tpl = (key: string) => segmentTemplate(key)!.definition;

describe("segmentSentence", () => {
  it("reads the issue's example", () => {
    const def: SegmentDefinition = {
      kind: "group", match: "all", conditions: [
        { kind: "count", event: { types: ["check_in"] }, window: { kind: "last_days", days: 30 }, compare: { op: "gte", value: 12 } },
        { kind: "has", event: { types: ["pass_uninstalled"] }, window: { kind: "all_time" }, has: false },
      ],
    };
    expect(segmentSentence(def)).toBe("Customers who made at least 12 check-ins in the last 30 days and have not removed their pass");
  });

  it("reads templates", () => {
    expect(segmentSentence(tpl("at_risk_60d"))).toBe("Customers who have made a purchase, but not in the last 60 days");
    expect(segmentSentence(tpl("spend_500_plus"), { money: (v) => `$${v}` })).toBe("Customers who spent at least $500 in total");
    expect(segmentSentence(tpl("visits_10_plus"))).toBe("Customers who made at least 10 visits or check-ins");
    expect(segmentSentence(tpl("lapsed_90d"))).toBe("Customers who have had any activity, but not in the last 90 days");
    expect(segmentSentence(tpl("engaged_members"))).toBe("Customers who earned at least 1000 points");
  });

  it("reads filters, nested and negated groups, and deleted references", () => {
    const def: SegmentDefinition = {
      kind: "group", match: "all", conditions: [
        { kind: "count", event: { types: ["purchase"], data: [{ field: "coffee_name", op: "equals", value: "Latte" }] }, window: { kind: "all_time" }, compare: { op: "gte", value: 5 } },
        { kind: "group", match: "any", conditions: [
          { kind: "has", event: { types: ["purchase"], amount: { op: "gt", value: "100" } }, window: { kind: "last_days", days: 90 }, has: true },
          { kind: "member_of", segmentId: "0190a000-0000-7000-8000-00000000000a", member: true },
        ] },
        { kind: "group", match: "all", negate: true, conditions: [{ kind: "attribute", attribute: "tier", op: "in", values: ["Gold"] }] },
      ],
    };
    expect(segmentSentence(def)).toBe(
      "Customers who made at least 5 purchases where coffee_name is “Latte”, (either have made a purchase of more than 100 in the last 90 days or are in the segment “a deleted segment”) and not (are in the Gold tier)",
    );
    expect(segmentSentence({ kind: "group", match: "all", conditions: [] })).toBe("All customers");
  });
});
