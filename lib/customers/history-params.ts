// A customer's event-history filters, read forgivingly from the URL (bad values are dropped).
import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/registry";

export const HISTORY_EVENT_TYPES = EVENT_TYPES;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

export interface HistoryParams {
  type?: HistoryEventType;
  /** Merchant-local days, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  /** Opaque keyset cursor: show events older than this one. */
  before?: string;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export function encodeHistoryCursor(occurredAt: Date, id: string): string {
  return Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeHistoryCursor(cursor: string): { occurredAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(iso ?? "");
  if (Number.isNaN(occurredAt.getTime()) || !z.uuid().safeParse(id).success || !id) return null;
  return { occurredAt, id };
}

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseHistoryParams(raw: Raw): HistoryParams {
  const out: HistoryParams = {};
  const type = z.enum(EVENT_TYPES).safeParse(one(raw.type));
  if (type.success) out.type = type.data;
  const from = day.safeParse(one(raw.from));
  if (from.success) out.from = from.data;
  const to = day.safeParse(one(raw.to));
  if (to.success) out.to = to.data;
  const before = one(raw.before);
  if (before && decodeHistoryCursor(before)) out.before = before;
  return out;
}

export function historyQuery(params: HistoryParams): string {
  const search = new URLSearchParams();
  for (const key of ["type", "from", "to", "before"] as const) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Why this range shows nothing, when the days are the wrong way round (YYYY-MM-DD compares as text). */
export function historyRangeProblem(params: HistoryParams): string | null {
  if (!params.from || !params.to || params.from <= params.to) return null;
  return `“From” (${params.from}) is after “To” (${params.to}), so no day is in this range. Swap them or pick other dates.`;
}
