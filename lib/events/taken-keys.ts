// The bulk mode's (imports') answer for an input whose idempotency key an existing event already
// holds under another request body. The till posts an order over the API with its own body, and the
// file brings the same order id with the file's fields, so the bodies never match: the key alone
// says the order is recorded. It is a duplicate when that event is for the same customer and of
// the same type (custom events: the same name); otherwise a specific error. recordEvents (the API)
// keeps the strict replay/conflict rule.
import { eventLabel, type EventType } from "./registry";
import type { EventError } from "./types";

export interface KeyHolder {
  customerId: string;
  type: EventType;
  customName: string | null;
}

/**
 * `resolved` is the input's customer as the write path resolves it without creating one (an
 * unknown customer is someone else than the key's holder). Keys the import derives from a row's
 * content ("import:…") are not shown as order ids.
 */
export function takenKeyOutcome(key: string, holder: KeyHolder, input: { type: EventType; customName?: string }, resolved: string | EventError): "duplicate" | EventError {
  if (typeof resolved !== "string" && resolved.code !== "customer_not_found") return resolved;
  const subject = key.startsWith("import:") ? "This row" : `Order id ${key}`;
  const refuse = (what: string): EventError => ({ code: "idempotency_conflict", message: `${subject} is already recorded ${what}.`, path: "idempotencyKey" });
  if (resolved !== holder.customerId) return refuse("for another customer");
  if (holder.type !== input.type || (holder.type === "custom" && holder.customName !== (input.customName ?? null))) return refuse(`as ${asType(holder)}`);
  return "duplicate";
}

/** "a visit", "an app opened", "“refund”". */
function asType(holder: KeyHolder): string {
  if (holder.type === "custom" && holder.customName) return `“${holder.customName}”`;
  const label = eventLabel(holder.type).toLowerCase();
  return `${/^[aeiou]/.test(label) ? "an" : "a"} ${label}`;
}
