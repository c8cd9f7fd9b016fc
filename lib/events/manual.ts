import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { rememberLastLocation } from "@/lib/locations/queries";
import { fromLocalInput } from "@/lib/local-datetime";
import { findRecentDuplicate, type RecentDuplicate } from "./duplicates";
import { recordEvents } from "./record";
import { EVENT_REGISTRY, EVENT_TYPES } from "./registry";
import { formatPath } from "./schema";
import type { EventError, PassState, RecordedEvent } from "./types";

// Form values arrive as strings; empty means "not given".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const manualEventSchema = z.object({
  customerId: z.uuid("Pick a customer first"),
  type: z.enum(EVENT_TYPES),
  customName: z.preprocess(blankToUndefined, z.string().optional()),
  amount: z.preprocess(blankToUndefined, z.string().optional()),
  data: z.record(z.string(), z.string()).optional(),
  /** datetime-local value in the merchant's zone; omitted = now. */
  occurredAtLocal: z.preprocess(blankToUndefined, z.string().optional()),
  locationId: z.preprocess(blankToUndefined, z.uuid("Unknown location").optional()),
  confirmDuplicate: z.boolean().optional(),
});
export type ManualEventInput = z.input<typeof manualEventSchema>;

export type ManualEventResult =
  | { status: "created"; event: RecordedEvent; pass: PassState }
  | { status: "possible_duplicate"; duplicate: RecentDuplicate }
  | { status: "error"; error: EventError };

const MINUS = /[-\u2012-\u2015\u2212\uFE63\uFF0D]/;

/** Back-dating is for forgotten entries; a time ahead of the counter clock is a typo. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/**
 * An event entered by staff at the counter. Asks before recording the same customer + type +
 * amount twice within two minutes (unless confirmed), then goes through recordEvents like every
 * other source and remembers the location for this user's next entry.
 */
export async function recordManualEvent(context: MerchantContext, raw: ManualEventInput, now = new Date()): Promise<ManualEventResult> {
  // Every expected refusal comes back as { status: "error" } with its field, like the write
  // path's own; only bugs throw.
  const invalid = (message: string, path: string): ManualEventResult => ({ status: "error", error: { code: "validation_error", message, path } });
  const parsedInput = manualEventSchema.safeParse(raw);
  if (!parsedInput.success) {
    const issue = parsedInput.error.issues[0];
    return invalid(issue?.message ?? "Invalid entry", formatPath(issue?.path ?? []));
  }
  const input = parsedInput.data;
  const spec = EVENT_REGISTRY[input.type];

  let occurredAt: Date | undefined;
  if (input.occurredAtLocal) {
    const parsed = fromLocalInput(input.occurredAtLocal, context.merchant.timeZone);
    if (!parsed) return invalid("Enter a valid date and time", "occurredAt");
    if (parsed.getTime() > now.getTime() + FUTURE_SLACK_MS) return invalid("The time can’t be in the future", "occurredAt");
    occurredAt = parsed;
  }

  const data: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = input.data?.[field.key]?.trim();
    if (value) data[field.key] = value;
  }
  // A minus sign (ASCII or typographic) means a refund, which is not a purchase: refused, not
  // dropped with the currency symbol (that recorded "-5" as a purchase of 5 with points).
  if (spec.amount !== "none" && input.amount && MINUS.test(input.amount)) {
    return { status: "error", error: { code: "validation_error", message: "Enter the amount without a minus sign. Refunds are not purchases: to correct one, void it.", path: "amount" } };
  }
  // Forgive what people type at a till: "$12.50", "12,50".
  const amount = spec.amount === "none" ? undefined : input.amount?.trim().replace(/^[^\d.]+/, "").replace(/^(\d+),(\d{1,2})$/, "$1.$2");
  const customName = input.type === "custom" ? input.customName?.trim() : undefined;

  if (!input.confirmDuplicate) {
    const duplicate = await findRecentDuplicate(context, { customerId: input.customerId, type: input.type, amount: amount ?? null, customName }, now);
    if (duplicate) return { status: "possible_duplicate", duplicate };
  }

  const [result] = await recordEvents(
    context,
    [{
      type: input.type,
      customer: { id: input.customerId },
      customName,
      amount,
      data,
      occurredAt: occurredAt?.toISOString(),
      location: spec.inStore ? input.locationId : undefined,
    }],
    { kind: "manual", userId: context.user.id, userName: context.user.name },
  );
  if (!result) throw new Error("recordEvents returned no result");
  if (result.status === "error") return result;
  if (spec.inStore && input.locationId) await rememberLastLocation(context, input.locationId);
  return { status: "created", event: result.event, pass: result.pass };
}
