// The one registry of event types: label, icon, which data fields each takes and which are
// required. The record form, the API, imports and the OpenAPI document all read it.
import { z } from "zod";

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
}

export interface EventTypeSpec {
  label: string;
  /** lucide-react icon name. */
  icon: string;
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
const int = (key: string, label: string, required = false, hint?: string): DataField => ({ key, label, kind: "integer", required, hint });

export const EVENT_REGISTRY: Record<EventType, EventTypeSpec> = {
  purchase: { label: "Purchase", icon: "ShoppingBag", amount: "required", fields: [int("items", "Items"), text("orderId", "Order number")], inStore: true, common: true, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null },
  visit: { label: "Visit", icon: "Footprints", amount: "none", fields: [], inStore: true, common: true, countsAsVisit: true, countsAsActivity: true, setsPassStatus: null },
  check_in: { label: "Check-in", icon: "LogIn", amount: "none", fields: [], inStore: true, common: true, countsAsVisit: true, countsAsActivity: true, setsPassStatus: null },
  check_out: {
    label: "Check-out", icon: "LogOut", amount: "none", inStore: true, common: true, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null,
    // Derived by the write path from the customer's open check-in, never taken from input.
    fields: [],
  },
  redemption: {
    label: "Redemption", icon: "Gift", amount: "none", inStore: true, common: true, countsAsVisit: false, countsAsActivity: true, setsPassStatus: null,
    fields: [text("reward", "Reward", true, "e.g. Free Coffee"), int("pointsCost", "Points cost", true)],
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
        ? z.coerce.number({ error: `${field.label} must be a whole number` }).int(`${field.label} must be a whole number`).min(0, `${field.label} cannot be negative`).max(1_000_000_000)
        : z.string({ error: `${field.label} must be text` }).trim().min(1, `${field.label} is required`).max(500);
    shape[field.key] = field.required ? base : base.optional();
  }
  return z.looseObject(shape);
}
