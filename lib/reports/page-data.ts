import "server-only";
// Everything the Reports page and its CSV need for one month and location, in parallel.
import type { MerchantScope } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listLocationsForScope } from "./locations";
import { busiestTimes, eventsPerDay, monthlyTrend, returnIntervals, topCustomers } from "./charts";
import { addMonths, monthOf, parseMonth } from "./month";
import { firstReportMonth, monthlySummary, resolveReportLocation, type ReportLocation } from "./monthly";

export interface ReportSelection {
  month: string;
  location: ReportLocation | null;
  currentMonth: string;
}

/**
 * The month and location a URL asks for, forgivingly: a malformed or future month falls back to
 * the current one, an unknown location to all locations (the API is strict instead).
 */
export async function reportSelection(scope: MerchantScope, params: { month?: string; location?: string }, now = new Date()): Promise<ReportSelection> {
  const currentMonth = monthOf(now, scope.merchant.timeZone);
  const asked = parseMonth(params.month) ? String(params.month) : currentMonth;
  const month = asked > currentMonth ? currentMonth : asked;
  let location: ReportLocation | null = null;
  try {
    location = await resolveReportLocation(scope, params.location);
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  return { month, location, currentMonth };
}

export async function reportsPageData(scope: MerchantScope, selection: ReportSelection) {
  const { month } = selection;
  const locationId = selection.location?.id ?? null;
  const [summary, firstMonth, locations, days, trend, heat, returns, top] = await Promise.all([
    monthlySummary(scope, { month, location: selection.location }),
    firstReportMonth(scope),
    listLocationsForScope(scope),
    eventsPerDay(scope, month, locationId),
    monthlyTrend(scope, month, locationId),
    busiestTimes(scope, month, locationId),
    returnIntervals(scope, month, locationId),
    topCustomers(scope, month, locationId),
  ]);
  return { summary, firstMonth, locations, days, trend, heat, returns, top, previousMonth: addMonths(month, -1) };
}
