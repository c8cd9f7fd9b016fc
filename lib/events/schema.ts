// The event input shape shared by the record form, the POS API and imports.
import { z } from "zod";
import { moneyString } from "@/lib/loyalty/rules";
import { toCents } from "@/lib/money";
import { findUnstorableJson, storableString } from "@/lib/validation/storable";
import { dataSchemaFor, EVENT_REGISTRY, EVENT_TYPES } from "./registry";

/** UTF-8 bytes of the data object as JSON (bytes, not UTF-16 units: an emoji counts 4). */
export const MAX_DATA_BYTES = 8 * 1024;
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * The largest single amount: 999,999.99. It keeps every product of the write path inside its
 * column: points per event (amount × at most 1,000 points per unit < 2^31) and the pass's lifetime
 * spend (numeric(12,2)) for thousands of such purchases; the pass limits are checked per event in
 * recordEvents (lib/events/bounds.ts).
 */
export const MAX_AMOUNT_CENTS = 99_999_999;

// Zod runs this refine even when moneyString's own check failed, so a malformed value passes here
// (it is already reported).
const eventAmount = moneyString.refine((value) => !/^\d+(\.\d{1,2})?$/.test(value) || toCents(value) <= MAX_AMOUNT_CENTS, {
  message: "Amount can be at most 999999.99",
});

/** Data keys the write path derives itself; input may not set them. */
const DERIVED_DATA_KEYS: Partial<Record<(typeof EVENT_TYPES)[number], string[]>> = { check_out: ["durationMinutes"] };

const text = (label: string, max: number) => storableString(label).trim().min(1).max(max);

export const customerRefSchema = z
  .object({
    id: z.uuid("Customer id must be a UUID").optional(),
    passSerial: text("passSerial", 100).optional(),
    externalId: text("externalId", 200).optional(),
    // z.email's pattern already refuses NUL and other control characters.
    email: z.email("Enter a valid email").trim().toLowerCase().max(320).optional(),
    // Used only when a new customer is created.
    name: text("name", 200).optional(),
    phone: storableString("phone").trim().min(3).max(40).optional(),
  })
  .refine((c) => c.id || c.passSerial || c.externalId || c.email, {
    message: "Identify the customer by passSerial, externalId or email",
  });
export type CustomerRef = z.infer<typeof customerRefSchema>;

export const eventInputSchema = z
  .object({
    type: z.enum(EVENT_TYPES, { error: `type must be one of: ${EVENT_TYPES.join(", ")}` }),
    customName: z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N} _.-]+$/u, "Use letters, numbers, spaces, _ . -").optional(),
    customer: customerRefSchema,
    createCustomer: z.boolean().optional(),
    occurredAt: z.iso
      .datetime({ offset: true, error: "occurredAt must be an ISO 8601 time with a zone, e.g. 2025-01-15T15:45:00Z" })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "occurredAt cannot be in the future")
      .refine((date) => date.getFullYear() >= 2000, "occurredAt is too far in the past")
      .optional(),
    amount: eventAmount.optional(),
    location: text("location", 100).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    idempotencyKey: storableString("idempotencyKey").min(1).max(255, "idempotencyKey can be at most 255 characters").optional(),
  })
  .superRefine((input, ctx) => {
    const spec = EVENT_REGISTRY[input.type];
    if (spec.amount === "required" && input.amount === undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: `amount is required for a ${spec.label.toLowerCase()}` });
    }
    if (spec.amount === "none" && input.amount !== undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: `${spec.label} events do not take an amount` });
    }
    if (input.type === "custom" && !input.customName) {
      ctx.addIssue({ code: "custom", path: ["customName"], message: "customName is required for custom events" });
    }
    if (input.type !== "custom" && input.customName) {
      ctx.addIssue({ code: "custom", path: ["customName"], message: "customName is only for custom events" });
    }
    for (const key of DERIVED_DATA_KEYS[input.type] ?? []) {
      if (input.data && key in input.data) ctx.addIssue({ code: "custom", path: ["data", key], message: `${key} is worked out from the open check-in; it cannot be sent` });
    }
  })
  // The type's data schema, parsed once (this runs for every event of an import); it runs only when
  // the checks above passed, so the first issue reported is the same as when it ran among them.
  .transform((input, ctx) => {
    const data = dataSchemaFor(input.type).safeParse(input.data ?? {});
    if (!data.success) {
      for (const issue of data.error.issues) ctx.addIssue({ code: "custom", path: ["data", ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    if (Buffer.byteLength(JSON.stringify(data.data), "utf8") > MAX_DATA_BYTES) {
      ctx.addIssue({ code: "custom", path: ["data"], message: `data can be at most ${MAX_DATA_BYTES} bytes` });
      return z.NEVER;
    }
    return { ...input, data: data.data as Record<string, unknown> };
  });

export type EventInput = z.input<typeof eventInputSchema>;

/**
 * Validates one raw event: first what PostgreSQL could not store or what is nested too deeply
 * anywhere in it (extra keys included, since the request hash covers them), then the schema.
 */
export function parseEventInput(raw: unknown): { success: true; data: ValidEventInput } | { success: false; message: string; path: string } {
  const unstorable = findUnstorableJson(raw);
  if (unstorable) return { success: false, message: unstorable.message, path: formatPath(unstorable.path) };
  const parsed = eventInputSchema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { success: false, message: issue?.message ?? "Invalid event", path: formatPath(issue?.path ?? []) };
}
export type ValidEventInput = z.output<typeof eventInputSchema>;

/** "events[3].data.pointsCost" style paths from zod issue paths. */
export function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out;
}
