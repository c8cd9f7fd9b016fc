// Pure formatting for a customer's story: event data in words, visit durations, month labels,
// date-range parsing in the merchant's zone. Shared by pages and tests.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, startOfMonth } from "date-fns";
import { DATA_FIELD_LABELS } from "@/lib/events/registry";

// Data keys in the registry's words (lib/events/registry.ts DATA_FIELD_LABELS).
const DATA_LABELS = DATA_FIELD_LABELS;
// Shown elsewhere on the row (the visit duration), so not repeated as data.
const HIDDEN_KEYS = new Set(["durationMinutes", "checkInId"]);

function humanise(key: string): string {
  const words = key.replace(/[_-]+/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** An event's data as "Label: value" lines, known fields first in registry words. */
export function describeEventData(data: unknown): string[] {
  if (!data || typeof data !== "object" || Array.isArray(data)) return [];
  const entries = Object.entries(data as Record<string, unknown>).filter(([key]) => !HIDDEN_KEYS.has(key));
  entries.sort(([a], [b]) => Number(!(a in DATA_LABELS)) - Number(!(b in DATA_LABELS)));
  return entries.map(([key, value]) => `${DATA_LABELS[key] ?? humanise(key)}: ${valueText(value)}`);
}

/** 75 → "1 h 15 min", 45 → "45 min", 120 → "2 h". */
export function formatDuration(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The visit length of a check-out: its own durationMinutes, else the gap since its check-in. */
export function visitDurationMinutes(data: unknown, occurredAt: Date, pairedCheckInAt: Date | null): number | null {
  const own = data && typeof data === "object" ? (data as Record<string, unknown>).durationMinutes : undefined;
  if (typeof own === "number" && Number.isFinite(own) && own >= 0) return own;
  if (!pairedCheckInAt) return null;
  return (occurredAt.getTime() - pairedCheckInAt.getTime()) / 60_000;
}

/** The last `count` local months up to the one containing `now`, oldest first, as "YYYY-MM". */
export function recentMonths(now: Date, timeZone: string, count = 12): { keys: string[]; start: Date } {
  const current = startOfMonth(new TZDate(now, timeZone));
  const first = addMonths(current, -(count - 1));
  const keys = Array.from({ length: count }, (_, i) => format(addMonths(first, i), "yyyy-MM"));
  return { keys, start: new Date(first.getTime()) };
}

/** "2025-01" → "Jan 2025". */
export function monthLabel(key: string, pattern = "MMM yyyy"): string {
  const [y, m] = key.split("-").map(Number);
  return format(new Date(y ?? 1970, (m ?? 1) - 1, 1), pattern);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a merchant-local calendar day (YYYY-MM-DD) starts; `plusDays` moves it. Null when invalid. */
export function localDateStart(day: string, timeZone: string, plusDays = 0): Date | null {
  const match = LOCAL_DATE.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new TZDate(y, m - 1, d, timeZone);
  if (local.getFullYear() !== y || local.getMonth() !== m - 1 || local.getDate() !== d) return null;
  return new Date(addDays(local, plusDays).getTime());
}
