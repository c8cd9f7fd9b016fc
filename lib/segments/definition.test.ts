import { describe, expect, it } from "vitest";
import { parseDefinition, referencedSegmentIds } from "./definition";
import { SEGMENT_TEMPLATES } from "./templates";

describe("parseDefinition", () => {
  it("accepts every template", () => {
    for (const t of SEGMENT_TEMPLATES) expect(parseDefinition(t.definition), t.key).toEqual({ ok: true, definition: t.definition });
  });

  it("names the offending part with its path", () => {
    const def = {
      match: "all",
      conditions: [
        { kind: "has", event: { types: ["visit"] }, window: { kind: "all_time" }, has: true },
        { kind: "has", event: { types: ["purchase"] }, window: { kind: "all_time" }, has: false },
        { kind: "count", event: { types: ["check_in"] }, window: { kind: "last_days", days: 0 }, compare: { op: "gte", value: 12 } },
      ],
    };
    expect(parseDefinition(def)).toEqual({ ok: false, path: "conditions[2].window.days", message: "Use 1 or more" });
  });

  it("reports paths inside nested groups, unknown kinds and bad event types", () => {
    const nested = { match: "any", conditions: [{ kind: "group", match: "all", conditions: [{ kind: "sum", event: { types: ["purchase"] }, field: "amount", window: { kind: "all_time" }, compare: { op: "gte", value: "1.234" } }] }] };
    expect(parseDefinition(nested)).toMatchObject({ ok: false, path: "conditions[0].conditions[0].compare.value" });
    expect(parseDefinition({ match: "all", conditions: [{ kind: "telepathy" }] })).toMatchObject({ ok: false, path: "conditions[0].kind" });
    expect(parseDefinition({ match: "all", conditions: [{ kind: "has", event: { types: ["teleport"] }, window: { kind: "all_time" }, has: true }] })).toMatchObject({ ok: false, path: "conditions[0].event.types" });
    expect(parseDefinition({ match: "all", conditions: [{ kind: "count", event: { types: "any" }, window: { kind: "between", from: "2026-02-30", to: "2026-03-01" }, compare: { op: "gte", value: 1 } }] })).toMatchObject({ ok: false, path: "conditions[0].window.from" });
    expect(parseDefinition({ match: "all", conditions: [{ kind: "count", event: { types: "any" }, window: { kind: "all_time" }, compare: { op: "between", value: 1 } }] })).toMatchObject({ ok: false, path: "conditions[0].compare.value2" });
  });

  it("refuses definitions nested too deep", () => {
    let g: Record<string, unknown> = { kind: "group", match: "all", conditions: [] };
    for (let i = 0; i < 5; i++) g = { kind: "group", match: "all", conditions: [g] };
    expect(parseDefinition(g)).toMatchObject({ ok: false, message: expect.stringContaining("nest at most") });
  });

  it("lists referenced segments", () => {
    const id = "0190a000-0000-7000-8000-00000000000a";
    const parsed = parseDefinition({ match: "all", conditions: [{ kind: "member_of", segmentId: id, member: false }] });
    expect(parsed.ok && referencedSegmentIds(parsed.definition)).toEqual([id]);
  });
});
