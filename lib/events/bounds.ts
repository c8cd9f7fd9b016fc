// What a pass can hold. Its columns are int4 (points, visits) and numeric(12,2) (lifetime spend);
// an event that would push one past its limit is refused with a 422 instead of failing the
// statement, which would fail every later event of that customer too (a pass nobody can use).
import type { EventError } from "./types";

export const MAX_INT4 = 2_147_483_647;
/** numeric(12,2): 9,999,999,999.99. */
export const MAX_LIFETIME_SPEND_CENTS = 999_999_999_999;

/** Why adding this event to the pass would overflow it, or null. */
export function passLimitError(pass: { points_balance: number; visit_count: number }, change: { points: number; visits: number; newSpendCents: number }): EventError | null {
  if (Math.abs(change.points) > MAX_INT4 || pass.points_balance + change.points > MAX_INT4) {
    return { code: "validation_error", message: `This would take the points balance past ${MAX_INT4}, the most a pass can hold.`, path: "amount" };
  }
  if (pass.visit_count + change.visits > MAX_INT4) {
    return { code: "validation_error", message: "This pass has reached the most visits it can count.", path: "type" };
  }
  if (change.newSpendCents > MAX_LIFETIME_SPEND_CENTS) {
    return { code: "validation_error", message: "This would take the customer's lifetime spend past 9999999999.99, the most a pass can hold.", path: "amount" };
  }
  return null;
}
