// The one registry of event types: label, icon, which data fields each takes and which are
// required, and the sources an event can come from. The record form, the customer history, the
// API, imports and the OpenAPI document all read it: adding a type or a field is one edit here
// (a type with an icon not used before also names it in components/events/event-icon.tsx, which
// the compiler asks for).
import { z } from "zod";
import { storableString } from "@/lib/validation/storable";

/** How an event came in. Mirrors the EventSource enum in prisma/schema.prisma. */
export const EVENT_SOURCES = ["manual", "api", "import", "automation"] as const;
export type EventSourceKind = (typeof EVENT_SOURCES)[number];
export const SOURCE_LABELS: Record<EventSourceKind, string> = { manual: "Staff", api: "API", import: "Import", automation: "Automation" };

/** The lucide-react icons event types use (components/events/event-icon.tsx maps each). */
export const EVENT_ICON_NAMES = [
  "ShoppingBag", "Footprints", "LogIn", "LogOut", "Gift", "ScanLine", "Smartphone", "MousePointerClick", "Bell", "BellRing",
  "WalletCards", "Trash2", "BadgeCheck", "Sparkles",
] as const;
export type EventIconName = (typeof EVENT_ICON_NAMES)[number];

export const EVENT_TYPES = [
  "purchase", "visit", "check_in", "check_out", "redemption", "scan", "app_open", "link_click",
  "notification_received", "notification_opened", "pass_installed", "pass_uninstalled", "pass_registered", "custom",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type FieldKind = "text" | "integer";
export interface DataField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Shown in forms and the API docs. */
  hint?: string;
  /** Smallest value of an integer field (default 0). */
  min?: number;
}

export interface EventTypeSpec {
  label: string;
  /** lucide-react icon name. */
  icon: EventIconName;
  /** Whether the top-level `amount` is required, optional or not taken. */
  amount: "required" | "optional" | "none";
  fields: DataField[];
  /** Happens at a counter, so it takes a location. */
  inStore: boolean;
  /** Shown as a big button on the record screen. */
  common: boolean;
  /** Adds one to the pass's visit count. */
  countsAsVisit: boolean;
  /**
   * The customer did something: moves "last activity" and counts towards active, lapsed and
   * returning (never when the event was recorded by an automation; see lib/events/activity.ts).
   */
  countsAsActivity: boolean;
  /** The pass status the event sets, if any. */
  setsPassStatus: PassStatusValue | null;
}

/** Mirrors the PassStatus enum in prisma/schema.prisma. */
export type PassStatusValue = "not_installed" | "installed" | "uninstalled";

const text = (key: string, label: string, required = false, hint?: string): DataField => ({ key, label, kind: "text", required, hint });
const int = (key: string, label: string, required = false, hint?: string, min?: number): DataField => ({ key, label, kind: "integer", required, hint, min });

export const EVENT_REGISTRY: Record<EventType, EventTypeSpec> = {
  purchase: { label: "Purchase", icon: "ShoppingBag", amount: "required", fields: [int("items", "Items"), text("orderId", "Order number")], inStore: true, common: true, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
  visit: { label: "Visit", icon: "Footprints", amount: "none", fields: [], inStore: true, common: true, countsAsVisit: true, countsAsActivity: true, setsPassStatus: null },
  check_in: { label: "Check-in", icon: "LogIn", amount: "none", fields: [], inStore: true, common: true, countsAsVisit: true, countsAsActivity: true, setsPassStatus: null },
  check_out: {
    label: "Check-out", icon: "LogOut", amount: "none", inStore: true, common: true, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null,
    // No form fields. data.durationMinutes is set by the write path from the customer's open
    // check-in (the latest within 24 hours with no check-out since); without one, a duration sent
    // by the caller is kept as given. The history falls back to the gap since the paired check-in.
    fields: [],
  },
  redemption: {
    label: "Redemption", icon: "Gift", amount: "none", inStore: true, common: true, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null,
    fields: [text("reward", "Reward", true, "e.g. Free Coffee"), int("pointsCost", "Points cost", true, undefined, 1)],
  },
  scan: { label: "Scan", icon: "ScanLine", amount: "none", fields: [text("register", "Register"), text("action", "Action")], inStore: true, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
  app_open: { label: "App opened", icon: "Smartphone", amount: "none", fields: [], inStore: false, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
  link_click: { label: "Link clicked", icon: "MousePointerClick", amount: "none", fields: [text("url", "Link")], inStore: false, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
  notification_received: { label: "Notification received", icon: "Bell", amount: "none", fields: [text("campaign", "Campaign")], inStore: false, common: false, countsAsVisit: false, countsAsActivity: false, setsPassStatus: null },
  notification_opened: { label: "Notification opened", icon: "BellRing", amount: "none", fields: [text("campaign", "Campaign")], inStore: false, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
  pass_installed: { label: "Pass installed", icon: "WalletCards", amount: "none", fields: [text("platform", "Wallet", false, "apple or google")], inStore: false, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: "installed" },
  pass_uninstalled: { label: "Pass removed", icon: "Trash2", amount: "none", fields: [text("platform", "Wallet", false, "apple or google")], inStore: false, common: false, countsAsVisit: false, countsAsActivity: false, setsPassStatus: "uninstalled" },
  pass_registered: { label: "Pass registered", icon: "BadgeCheck", amount: "none", fields: [text("platform", "Wallet", false, "apple or google")], inStore: false, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: "installed" },
  custom: { label: "Custom", icon: "Sparkles", amount: "optional", fields: [], inStore: true, common: false, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
};

/** Data keys that are not a registry field but that merchants commonly send, in words. */
const EXTRA_DATA_LABELS: Record<string, string> = { note: "Note" };

/** The label of a data key: the registry field's (first type that declares it), else undefined. */
export const DATA_FIELD_LABELS: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(EXTRA_DATA_LABELS),
  ...EVENT_TYPES.flatMap((t) => EVENT_REGISTRY[t].fields.map((f) => [f.key, f.label] as const)).reverse(),
]);

/** Event types that add one to the pass's visit count. */
export const VISIT_TYPES: ReadonlySet<EventType> = new Set(EVENT_TYPES.filter((t) => EVENT_REGISTRY[t].countsAsVisit));

export function eventLabel(type: EventType, customName?: string | null): string {
  return type === "custom" && customName ? customName : EVENT_REGISTRY[type].label;
}

// Built once per type: constructing (and JIT-compiling) a zod object per event dominated the
// cost of validating large batches.
const dataSchemas = new Map<EventType, ReturnType<typeof buildDataSchema>>();

/** Known data fields as a zod object; extra keys are kept (merchants attach their own metadata). */
export function dataSchemaFor(type: EventType) {
  let schema = dataSchemas.get(type);
  if (!schema) dataSchemas.set(type, (schema = buildDataSchema(type)));
  return schema;
}

function buildDataSchema(type: EventType) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of EVENT_REGISTRY[type].fields) {
    const base =
      field.kind === "integer"
        ? wholeNumber(field.label, field.min ?? 0)
        : storableString(field.label).trim().min(1, `${field.label} is required`).max(500);
    shape[field.key] = field.required ? base : base.optional();
  }
  return z.looseObject(shape);
}

/**
 * A whole number, given as a JSON number or as digits in a string (form fields are strings).
 * Nothing else is coerced: true, "1e3", "0x10", [] and "" are refused.
 */
function wholeNumber(label: string, min: number) {
  const message = `${label} must be a whole number`;
  return z
    .union([z.number({ error: message }), z.string({ error: message }).trim().regex(/^\d{1,10}$/, message).transform(Number)], { error: message })
    .pipe(z.number().int(message).min(min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`).max(1_000_000_000, `${label} can be at most 1000000000`));
}
