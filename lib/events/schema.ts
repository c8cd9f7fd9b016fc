// The event input shape shared by the record form, the POS API and imports.
import { z } from "zod";
import { moneyString } from "@/lib/loyalty/rules";
import { dataSchemaFor, EVENT_REGISTRY, EVENT_TYPES } from "./registry";

const MAX_DATA_BYTES = 8 * 1024;
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export const customerRefSchema = z
  .object({
    id: z.uuid("Customer id must be a UUID").optional(),
    passSerial: z.string().trim().min(1).max(100).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    email: z.email("Enter a valid email").trim().toLowerCase().max(320).optional(),
    // Used only when a new customer is created.
    name: z.string().trim().min(1).max(200).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
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
    amount: moneyString.optional(),
    location: z.string().trim().min(1).max(100).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    idempotencyKey: z.string().min(1).max(255, "idempotencyKey can be at most 255 characters").optional(),
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
    const data = dataSchemaFor(input.type).safeParse(input.data ?? {});
    if (!data.success) {
      for (const issue of data.error.issues) ctx.addIssue({ code: "custom", path: ["data", ...issue.path.map(String)], message: issue.message });
    } else if (JSON.stringify(data.data).length > MAX_DATA_BYTES) {
      ctx.addIssue({ code: "custom", path: ["data"], message: `data can be at most ${MAX_DATA_BYTES} bytes` });
    }
  })
  .transform((input) => ({ ...input, data: dataSchemaFor(input.type).parse(input.data ?? {}) as Record<string, unknown> }));

export type EventInput = z.input<typeof eventInputSchema>;
export type ValidEventInput = z.output<typeof eventInputSchema>;

/** "events[3].data.pointsCost" style paths from zod issue paths. */
export function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out;
}
