// Builder defaults and option lists. Pure, so the builder's controls and tests share them.
import { EVENT_REGISTRY, EVENT_TYPES, type EventType } from "@/lib/events/registry";
import type { Condition, EventMatch, SegmentGroup } from "@/lib/segments/definition";

export const CONDITION_KINDS: { kind: Condition["kind"]; label: string }[] = [
  { kind: "count", label: "Number of events" },
  { kind: "sum", label: "Total spend or points" },
  { kind: "recency", label: "Last time" },
  { kind: "has", label: "Has done / has not done" },
  { kind: "first_time", label: "First time" },
  { kind: "attribute", label: "Customer attribute" },
  { kind: "member_of", label: "Member of a segment" },
];

/** Event choices in the builder: any, activity, visits (visit or check-in), and each type. */
export const EVENT_CHOICES: { value: string; label: string; types: EventMatch["types"] }[] = [
  { value: "type:purchase", label: "Purchase", types: ["purchase"] },
  { value: "visits", label: "Visit (visit or check-in)", types: ["visit", "check_in"] },
  ...EVENT_TYPES.filter((t) => t !== "purchase").map((t) => ({ value: `type:${t}`, label: EVENT_REGISTRY[t].label, types: [t] as EventType[] })),
  { value: "activity", label: "Any activity", types: "activity" },
  { value: "any", label: "Any event", types: "any" },
];

export function eventChoiceValue(types: EventMatch["types"]): string {
  if (types === "any" || types === "activity") return types;
  if (types.length === 2 && types.includes("visit") && types.includes("check_in")) return "visits";
  if (types.length === 1) return `type:${types[0]}`;
  return `set:${types.join(",")}`;
}

export function typesFromChoice(value: string): EventMatch["types"] {
  if (value.startsWith("set:")) return value.slice(4).split(",") as EventType[];
  return EVENT_CHOICES.find((c) => c.value === value)?.types ?? "any";
}

export function defaultCondition(kind: Condition["kind"], segmentIds: string[]): Condition {
  const purchase: EventMatch = { types: ["purchase"] };
  switch (kind) {
    case "count": return { kind, event: purchase, window: { kind: "all_time" }, compare: { op: "gte", value: 5 } };
    case "sum": return { kind, event: purchase, field: "amount", window: { kind: "all_time" }, compare: { op: "gte", value: "500" } };
    case "recency": return { kind, event: purchase, within: false, window: { kind: "last_days", days: 60 }, includeNever: false };
    case "has": return { kind, event: purchase, window: { kind: "all_time" }, has: true };
    case "first_time": return { kind, event: { types: ["pass_registered"] }, window: { kind: "last_days", days: 7 } };
    case "attribute": return { kind, attribute: "visit_count", compare: { op: "gte", value: 10 } };
    case "member_of": return { kind, segmentId: segmentIds[0] ?? "00000000-0000-0000-0000-000000000000", member: true };
  }
}

export const emptyDefinition = (): SegmentGroup => ({ kind: "group", match: "all", conditions: [] });

export const OP_LABELS = { gte: "at least", gt: "more than", eq: "exactly", lte: "at most", lt: "less than", between: "between" } as const;
