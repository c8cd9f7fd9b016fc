// The monthly summary and its daily breakdown as one CSV a spreadsheet opens as it is. Pure.
import { csvRow } from "@/lib/customers/csv";
import { EVENT_REGISTRY, type EventType } from "@/lib/events/registry";
import type { MonthlyFigures } from "./figures";

export interface DailyBreakdownRow {
  day: string;
  events: number;
  purchases: number;
  revenue: string;
  visits: number;
  checkIns: number;
  redemptions: number;
}

const FIGURES: [keyof MonthlyFigures, string][] = [
  ["totalEvents", "Total events"], ["purchases", "Purchases"], ["revenue", "Revenue"], ["averagePurchase", "Average purchase"],
  ["visits", "Visits"], ["checkIns", "Check-ins"], ["redemptions", "Redemptions"], ["activeCustomers", "Active customers"],
  ["newCustomers", "New customers"], ["returningCustomers", "Returning customers"], ["pointsIssued", "Points issued"], ["pointsRedeemed", "Points redeemed"],
];

function typeLabel(key: string): string {
  if (key.startsWith("custom:")) return `Custom: ${key.slice(7)}`;
  return EVENT_REGISTRY[key as EventType]?.label ?? key;
}

export function monthlyReportCsv(input: {
  merchantName: string; monthLabel: string; previousLabel: string; location: string | null; currency: string; timeZone: string;
  current: MonthlyFigures; previous: MonthlyFigures; days: DailyBreakdownRow[];
}): string {
  const { current, previous } = input;
  let out = csvRow([`${input.merchantName} — ${input.monthLabel} summary`]);
  out += csvRow(["Location", input.location ?? "All locations"]);
  out += csvRow(["Time zone", input.timeZone]);
  out += csvRow(["Currency", input.currency]);
  out += "\r\n";
  out += csvRow(["Figure", input.monthLabel, input.previousLabel]);
  for (const [key, label] of FIGURES) out += csvRow([label, current[key] as string | number | null, previous[key] as string | number | null]);
  const types = [...new Set([...Object.keys(current.byType), ...Object.keys(previous.byType)])];
  for (const key of types) out += csvRow([`Events: ${typeLabel(key)}`, current.byType[key] ?? 0, previous.byType[key] ?? 0]);
  out += "\r\n";
  out += csvRow(["Day", "Events", "Purchases", "Revenue", "Visits", "Check-ins", "Redemptions"]);
  for (const d of input.days) out += csvRow([d.day, d.events, d.purchases, d.revenue, d.visits, d.checkIns, d.redemptions]);
  return out;
}
