// The monthly summary's figures and how two months compare: pure, shared by the rollup reader,
// the direct reference aggregate (tests, benchmark), the page, the CSV and the API.
import Decimal from "decimal.js";
import { EVENT_TYPES } from "@/lib/events/registry";

export interface MonthlyFigures {
  totalEvents: number;
  purchases: number;
  /** Money as a decimal string, e.g. "156789.00". */
  revenue: string;
  /** revenue ÷ purchases to the cent; null when there were no purchases. */
  averagePurchase: string | null;
  visits: number;
  checkIns: number;
  redemptions: number;
  activeCustomers: number;
  newCustomers: number;
  returningCustomers: number;
  /** Sum of positive points. */
  pointsIssued: number;
  /** Sum of negative points, as a positive number of points. */
  pointsRedeemed: number;
  /** Every built-in type (zero included); custom events by name as "custom:<name>". */
  byType: Record<string, number>;
}

/** One grouped row: a type (and custom name) with its count, amount and points. */
export interface TypeRow {
  type: string;
  customName: string;
  count: number;
  amount: string;
  pointsIssued: number;
  pointsRedeemed: number;
}

export function byTypeKey(type: string, customName: string): string {
  return type === "custom" ? (customName ? `custom:${customName}` : "custom") : type;
}

/** Folds type rows and the customer counts into the figures. */
export function figuresFrom(rows: TypeRow[], customers: { active: number; new: number }): MonthlyFigures {
  const byType: Record<string, number> = {};
  for (const type of EVENT_TYPES) if (type !== "custom") byType[type] = 0;
  let total = 0;
  let revenue = new Decimal(0);
  let issued = 0;
  let redeemed = 0;
  for (const row of rows) {
    const key = byTypeKey(row.type, row.customName);
    // A custom name whose events were all voided leaves a zero row behind: not a type of the month.
    if (row.count === 0 && key.startsWith("custom")) continue;
    byType[key] = (byType[key] ?? 0) + row.count;
    total += row.count;
    if (row.type === "purchase") revenue = revenue.plus(row.amount);
    issued += row.pointsIssued;
    redeemed += row.pointsRedeemed;
  }
  const purchases = byType.purchase ?? 0;
  return {
    totalEvents: total,
    purchases,
    revenue: revenue.toFixed(2),
    averagePurchase: purchases > 0 ? revenue.dividedBy(purchases).toFixed(2, Decimal.ROUND_HALF_UP) : null,
    visits: byType.visit ?? 0,
    checkIns: byType.check_in ?? 0,
    redemptions: byType.redemption ?? 0,
    activeCustomers: customers.active,
    newCustomers: customers.new,
    returningCustomers: customers.active - customers.new,
    pointsIssued: issued,
    pointsRedeemed: redeemed,
    byType,
  };
}

export type Change = { kind: "percent"; value: number; label: string } | { kind: "new"; label: "new" } | { kind: "none"; label: "" };

/** "+12%" / "−3%" against the previous month, "new" where it had none, nothing when both are none. */
export function compare(current: number | string | null, previous: number | string | null): Change {
  const now = new Decimal(current ?? 0);
  const before = new Decimal(previous ?? 0);
  if (before.isZero()) return now.isZero() ? { kind: "none", label: "" } : { kind: "new", label: "new" };
  const pct = now.minus(before).dividedBy(before.abs()).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const label = pct > 0 ? `+${pct}%` : pct < 0 ? `\u2212${Math.abs(pct)}%` : "0%";
  return { kind: "percent", value: pct, label };
}
