// The segment definition: validated JSON, nested groups joined by AND / OR (optionally negated),
// each holding conditions. Pure (no I/O), shared by the builder, the API and the compiler.
// Paths of validation errors read like `conditions[2].window.days` (see definitionIssuePath).
import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/registry";

export const MAX_CONDITIONS = 40;
export const MAX_DEPTH = 4;

const count = z.number().int("Use a whole number").min(0, "Use 0 or more").max(1_000_000_000);
// Money and points as exact decimals; numbers are accepted and kept as their decimal text.
const decimal = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .pipe(z.string().regex(/^-?\d{1,12}(\.\d{1,2})?$/, "Use a number with at most 2 decimals"));

export const COMPARE_OPS = ["gte", "gt", "eq", "lte", "lt", "between"] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

function compareOf<T extends z.ZodType>(value: T) {
  return z
    .object({ op: z.enum(COMPARE_OPS), value, value2: value.optional() })
    .refine((c) => c.op !== "between" || c.value2 !== undefined, { message: "Between needs a second value", path: ["value2"] });
}
export const countCompareSchema = compareOf(count);
export const decimalCompareSchema = compareOf(decimal);
export type CountCompare = z.infer<typeof countCompareSchema>;
export type DecimalCompare = z.infer<typeof decimalCompareSchema>;

const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist");
const n = (max: number) => z.number().int("Use a whole number").min(1, "Use 1 or more").max(max, `Use at most ${max}`);

export const windowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all_time") }),
  z.object({ kind: z.literal("last_days"), days: n(3650) }),
  z.object({ kind: z.literal("last_weeks"), weeks: n(520) }),
  z.object({ kind: z.literal("last_months"), months: n(120) }),
  z.object({ kind: z.literal("this_month") }),
  z.object({ kind: z.literal("last_month") }),
  z.object({ kind: z.literal("between"), from: localDay, to: localDay }).refine((w) => w.from <= w.to, { message: "The start date must not be after the end date", path: ["to"] }),
]);
export type SegmentWindow = z.infer<typeof windowSchema>;

const rollingWindowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("last_days"), days: n(3650) }),
  z.object({ kind: z.literal("last_weeks"), weeks: n(520) }),
  z.object({ kind: z.literal("last_months"), months: n(120) }),
]);
export type RollingWindow = z.infer<typeof rollingWindowSchema>;

/** Field names of an event's data (including columns an import kept). Bound as parameters, never as identifiers. */
const fieldName = z.string().trim().min(1, "Name the field").max(64, "Field names have at most 64 characters");
export const dataFilterSchema = z.discriminatedUnion("op", [
  z.object({ field: fieldName, op: z.literal("equals"), value: z.string().max(200) }),
  z.object({ field: fieldName, op: z.literal("one_of"), values: z.array(z.string().max(200)).min(1, "Give at least one value").max(50) }),
  z.object({ field: fieldName, op: z.literal("contains"), value: z.string().min(1, "Type some text").max(200) }),
  z.object({ field: fieldName, op: z.literal("compare"), compare: decimalCompareSchema }),
]);
export type DataFilter = z.infer<typeof dataFilterSchema>;

export const ACTIVITY = "activity";
export const eventMatchSchema = z.object({
  /** "any": every event type; "activity": the shared activity definition (lib/events/activity.ts). */
  types: z.union([z.literal("any"), z.literal(ACTIVITY), z.array(z.enum(EVENT_TYPES)).min(1, "Choose at least one event type").max(EVENT_TYPES.length)]),
  locationId: z.uuid("Choose a location").optional(),
  customName: z.string().trim().min(1).max(100).optional(),
  amount: decimalCompareSchema.optional(),
  data: z.array(dataFilterSchema).max(5, "At most 5 data filters").optional(),
});
export type EventMatch = z.infer<typeof eventMatchSchema>;

export const SUM_FIELDS = ["amount", "points_earned"] as const;
export const PASS_STATUSES = ["not_installed", "installed", "uninstalled"] as const;

const countCondition = z.object({ kind: z.literal("count"), event: eventMatchSchema, window: windowSchema, compare: countCompareSchema });
const sumCondition = z.object({ kind: z.literal("sum"), event: eventMatchSchema, field: z.enum(SUM_FIELDS), window: windowSchema, compare: decimalCompareSchema });
const recencyCondition = z.object({
  kind: z.literal("recency"),
  event: eventMatchSchema,
  /** true: the last such event is within the window; false: it is not. */
  within: z.boolean(),
  window: rollingWindowSchema,
  /** Whether customers who never did it are included. */
  includeNever: z.boolean(),
});
const firstTimeCondition = z.object({ kind: z.literal("first_time"), event: eventMatchSchema, window: windowSchema });
const hasCondition = z.object({ kind: z.literal("has"), event: eventMatchSchema, window: windowSchema, has: z.boolean() });

const attributeCondition = z.discriminatedUnion("attribute", [
  z.object({ kind: z.literal("attribute"), attribute: z.literal("tier"), op: z.enum(["in", "not_in"]), values: z.array(z.string().max(100).nullable()).min(1, "Choose at least one tier").max(50) }),
  z.object({ kind: z.literal("attribute"), attribute: z.literal("pass_status"), op: z.enum(["in", "not_in"]), values: z.array(z.enum(PASS_STATUSES)).min(1, "Choose at least one status") }),
  z.object({ kind: z.literal("attribute"), attribute: z.literal("points_balance"), compare: compareOf(z.number().int().min(-1_000_000_000).max(1_000_000_000)) }),
  z.object({ kind: z.literal("attribute"), attribute: z.literal("visit_count"), compare: countCompareSchema }),
  z.object({ kind: z.literal("attribute"), attribute: z.literal("lifetime_spend"), compare: decimalCompareSchema }),
  z.object({ kind: z.literal("attribute"), attribute: z.literal("customer_since"), window: windowSchema }),
]);
const memberOfCondition = z.object({ kind: z.literal("member_of"), segmentId: z.uuid("Choose a segment"), member: z.boolean() });

export type CountCondition = z.infer<typeof countCondition>;
export type SumCondition = z.infer<typeof sumCondition>;
export type RecencyCondition = z.infer<typeof recencyCondition>;
export type FirstTimeCondition = z.infer<typeof firstTimeCondition>;
export type HasCondition = z.infer<typeof hasCondition>;
export type AttributeCondition = z.infer<typeof attributeCondition>;
export type MemberOfCondition = z.infer<typeof memberOfCondition>;
export type Condition = CountCondition | SumCondition | RecencyCondition | FirstTimeCondition | HasCondition | AttributeCondition | MemberOfCondition;
export type EventCondition = CountCondition | SumCondition | RecencyCondition | FirstTimeCondition | HasCondition;

export interface SegmentGroup {
  kind: "group";
  match: "all" | "any";
  /** NOT: customers for whom the group does not hold. */
  negate?: boolean;
  conditions: (Condition | SegmentGroup)[];
}
/** The top level is a group; `kind` may be left out there. */
export type SegmentDefinition = SegmentGroup;


const groupSchema: z.ZodType<SegmentGroup> = z.lazy(() =>
  z.object({
    kind: z.literal("group"),
    match: z.enum(["all", "any"]),
    negate: z.boolean().optional(),
    conditions: z.array(itemSchema).max(MAX_CONDITIONS, `At most ${MAX_CONDITIONS} conditions in a group`),
  }),
);
// Dispatch on `kind` first so an error names the offending field of the intended kind, not "no union member matched".
const itemSchema: z.ZodType<Condition | SegmentGroup> = z.lazy(() =>
  z.unknown().transform((v, ctx) => {
    const kind = typeof v === "object" && v !== null ? (v as { kind?: unknown }).kind : undefined;
    const schema = kind === "group" ? groupSchema : KIND_SCHEMAS[kind as string];
    if (!schema) {
      ctx.addIssue({ code: "custom", message: `Unknown condition kind “${String(kind)}”`, path: ["kind"] });
      return z.NEVER;
    }
    const parsed = schema.safeParse(v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return parsed.data as Condition | SegmentGroup;
  }),
);
const KIND_SCHEMAS: Record<string, z.ZodType> = {
  count: countCondition, sum: sumCondition, recency: recencyCondition, first_time: firstTimeCondition,
  has: hasCondition, attribute: attributeCondition, member_of: memberOfCondition,
};

export const definitionSchema: z.ZodType<SegmentDefinition> = z
  .preprocess((v) => (typeof v === "object" && v !== null && !("kind" in v) ? { ...v, kind: "group" } : v), groupSchema)
  .superRefine((def, ctx) => {
    if (depth(def) > MAX_DEPTH) ctx.addIssue({ code: "custom", message: `Groups nest at most ${MAX_DEPTH} deep`, path: [] });
    if (leafCount(def) > MAX_CONDITIONS) ctx.addIssue({ code: "custom", message: `At most ${MAX_CONDITIONS} conditions in a segment`, path: [] });
  });

function depth(g: SegmentGroup): number {
  return 1 + Math.max(0, ...g.conditions.map((c) => (c.kind === "group" ? depth(c) : 0)));
}
function leafCount(g: SegmentGroup): number {
  return g.conditions.reduce((sum, c) => sum + (c.kind === "group" ? leafCount(c) : 1), 0);
}

/** `["conditions", 2, "window", "days"]` → `conditions[2].window.days`. */
export function definitionIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

export type DefinitionResult = { ok: true; definition: SegmentDefinition } | { ok: false; path: string; message: string };

/** Validates a definition; on failure, the first problem with the path of the offending part. */
export function parseDefinition(input: unknown): DefinitionResult {
  const parsed = definitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, path: definitionIssuePath(issue?.path ?? []), message: issue?.message ?? "The definition is not valid" };
}

/** Every condition in a definition, depth first. */
export function conditionsOf(def: SegmentGroup): Condition[] {
  return def.conditions.flatMap((c) => (c.kind === "group" ? conditionsOf(c) : [c]));
}

/** The saved segments a definition names (member of / not member of). */
export function referencedSegmentIds(def: SegmentGroup): string[] {
  return [...new Set(conditionsOf(def).flatMap((c) => (c.kind === "member_of" ? [c.segmentId] : [])))];
}

export function referencedLocationIds(def: SegmentGroup): string[] {
  return [...new Set(conditionsOf(def).flatMap((c) => ("event" in c && c.event.locationId ? [c.event.locationId] : [])))];
}
