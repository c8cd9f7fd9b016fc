import "server-only";
import Decimal from "decimal.js";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { windowStart } from "@/lib/time";
import { formatInZone } from "./summary";

/**
 * Entries at the counter that are probably typos, asked about before they are recorded: an
 * amount far above the shop's usual purchases (99,999,999 instead of 9.99), or a date long ago.
 * Both can be true, so the staff member confirms once, seeing every reason.
 */
export interface UnusualEntry {
  code: "amount_above_maximum" | "amount_above_usual" | "date_before_first_event" | "date_long_ago";
  message: string;
}

/** "Far above usual": this many times the 95th percentile of recent purchases. */
export const USUAL_AMOUNT_FACTOR = 20;
/** The percentile is read from this many recent purchases, and only once there are enough. */
const RECENT_PURCHASES = 2000;
const MIN_PURCHASES_FOR_USUAL = 20;
export const LONG_AGO_DAYS = 90;

export async function unusualAmount(context: MerchantContext, amount: string): Promise<UnusualEntry | null> {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    return null; // not a number: the write path's validation says so
  }
  const { currency } = context.merchant;
  const [row] = await db.$queryRaw<{ max: string | null; p95: string | null; n: number }[]>`
    SELECT (SELECT max_purchase_amount::text FROM merchants WHERE id = ${context.merchantId}::uuid) AS max,
           percentile_disc(0.95) WITHIN GROUP (ORDER BY amount)::text AS p95, count(*)::int AS n
    FROM (
      SELECT amount FROM events
      WHERE merchant_id = ${context.merchantId}::uuid AND type = 'purchase' AND voided_at IS NULL AND amount IS NOT NULL
      ORDER BY occurred_at DESC LIMIT ${RECENT_PURCHASES}
    ) recent`;
  if (row?.max && value.gt(row.max)) {
    return { code: "amount_above_maximum", message: `${formatMoney(value.toFixed(2), currency)} is above the largest purchase set in Settings → Loyalty (${formatMoney(row.max, currency)}).` };
  }
  if (row?.p95 && row.n >= MIN_PURCHASES_FOR_USUAL && value.gt(new Decimal(row.p95).times(USUAL_AMOUNT_FACTOR))) {
    return { code: "amount_above_usual", message: `${formatMoney(value.toFixed(2), currency)} is far above this shop’s usual purchases (95% are ${formatMoney(row.p95, currency)} or less).` };
  }
  return null;
}

export async function unusualDate(context: MerchantContext, occurredAt: Date, now: Date): Promise<UnusualEntry | null> {
  const { timeZone } = context.merchant;
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min(occurred_at) AS first FROM events WHERE merchant_id = ${context.merchantId}::uuid AND voided_at IS NULL`;
  const when = formatInZone(occurredAt, timeZone);
  if (row?.first && occurredAt < row.first) {
    return { code: "date_before_first_event", message: `${when} is before this shop’s first recorded event (${formatInZone(row.first, timeZone)}).` };
  }
  if (occurredAt < windowStart(now, LONG_AGO_DAYS, "days", timeZone)) {
    return { code: "date_long_ago", message: `${when} is more than ${LONG_AGO_DAYS} days ago.` };
  }
  return null;
}
