import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { activeReward, listRewards, type Reward } from "@/lib/rewards/catalogue";
import { isLocationArchived, rememberLastLocation } from "@/lib/locations/queries";
import { fromLocalInput } from "@/lib/local-datetime";
import { unusualAmount, unusualDate, type UnusualEntry } from "@/lib/record/unusual";
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
  /** A redemption picked from the rewards catalogue (its name and cost come from there). */
  rewardId: z.preprocess(blankToUndefined, z.uuid("Unknown reward").optional()),
  confirmDuplicate: z.boolean().optional(),
  /** Staff confirmed an amount far above usual or a date long ago (lib/record/unusual). */
  confirmUnusual: z.boolean().optional(),
});
export type ManualEventInput = z.input<typeof manualEventSchema>;

export type ManualEventResult =
  | { status: "created"; event: RecordedEvent; pass: PassState }
  | { status: "possible_duplicate"; duplicate: RecentDuplicate }
  | { status: "needs_confirmation"; reasons: UnusualEntry[] }
  | { status: "error"; error: EventError };

const MINUS = /[-\u2012-\u2015\u2212\uFE63\uFF0D]/;
/**
 * The catalogue reward of a redemption. Staff pick from the catalogue when it has rewards;
 * managers and owners may still type a reward and its cost (a one-off goodwill gesture).
 */
async function pickedReward(context: MerchantContext, rewardId: string | undefined): Promise<{ reward: Reward | null } | { error: EventError }> {
  if (rewardId) {
    const reward = await activeReward(context, rewardId);
    return reward ? { reward } : { error: { code: "validation_error", message: "This reward is no longer offered. Pick another one.", path: "data.reward" } };
  }
  if (hasRole(context.user.role, "manager")) return { reward: null };
  const offered = await listRewards(context, { activeOnly: true });
  return offered.length === 0 ? { reward: null } : { error: { code: "validation_error", message: "Pick a reward from the list", path: "data.reward" } };
}

/** Back-dating is for forgotten entries; a time ahead of the counter clock is a typo. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/**
 * An event entered by staff at the counter. Asks before recording an amount far above usual or a
 * date long ago, and the same customer + type + amount twice within two minutes (each unless
 * confirmed), then goes through recordEvents like every
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

  if (spec.inStore && input.locationId && (await isLocationArchived(context, input.locationId))) {
    return { status: "error", error: { code: "unknown_location", message: "This location is archived. Pick another one.", path: "location" } };
  }

  if (input.type === "redemption") {
    const picked = await pickedReward(context, input.rewardId);
    if ("error" in picked) return { status: "error", error: picked.error };
    if (picked.reward) Object.assign(data, { reward: picked.reward.name, pointsCost: String(picked.reward.pointsCost) });
  }

  // A reward must cost something: a 0-point redemption is a reward typed without its cost.
  if (input.type === "redemption" && /^0+$/.test(data.pointsCost ?? "")) {
    return { status: "error", error: { code: "validation_error", message: "A redemption must cost at least 1 point", path: "data.pointsCost" } };
  }

  if (!input.confirmUnusual) {
    const reasons = (await Promise.all([
      input.type === "purchase" && amount ? unusualAmount(context, amount) : null,
      occurredAt ? unusualDate(context, occurredAt, now) : null,
    ])).filter((r): r is UnusualEntry => r !== null);
    if (reasons.length > 0) return { status: "needs_confirmation", reasons };
  }

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
