// The customer list's search params: one definition, read two ways. The server validates strictly
// (a bad value is an error); the URL is read forgivingly (a bad value is dropped, the page still
// renders). Pure, so the client filter bar and the tests share it.
import { z } from "zod";
import { isStorableText } from "@/lib/validation/storable";

export const PAGE_SIZES = [25, 50, 100] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const SORT_KEYS = ["name", "spend", "visits", "points", "lastSeen"] as const;
export type CustomerSortKey = (typeof SORT_KEYS)[number];

export const PASS_FILTERS = ["installed", "uninstalled", "not_installed"] as const;
export const ACTIVITY_FILTERS = ["seen_7d", "seen_30d", "not_seen_30d", "not_seen_60d", "not_seen_90d", "never"] as const;
export type ActivityFilter = (typeof ACTIVITY_FILTERS)[number];

export const ACTIVITY_LABELS: Record<ActivityFilter, string> = {
  seen_7d: "Active in the last 7 days",
  seen_30d: "Active in the last 30 days",
  not_seen_30d: "No activity in 30 days",
  not_seen_60d: "No activity in 60 days",
  not_seen_90d: "No activity in 90 days",
  never: "No activity yet",
};
export const PASS_LABELS: Record<(typeof PASS_FILTERS)[number], string> = {
  installed: "Installed",
  uninstalled: "Removed",
  not_installed: "Never installed",
};
/** The tier filter value for customers below the first tier (a tier cannot be named this way). */
export const NO_TIER = "_none";
/**
 * Shorter searches have no trigrams, so no index can answer them: a rare two-letter fragment
 * reads every customer (≈ 2 s at 1M). The list asks for a third character instead.
 */
export const MIN_SEARCH_LENGTH = 3;

const tierValue = z.string().trim().min(1).max(40).refine(isStorableText);
const searchValue = z.string().trim().min(MIN_SEARCH_LENGTH).max(100).refine(isStorableText, "Search text can’t contain control characters");

/** Strict: what lib/customers/list.ts accepts. */
export const customerListSchema = z
  .object({
    q: searchValue.optional(),
    tier: tierValue.optional(),
    pass: z.enum(PASS_FILTERS).optional(),
    activity: z.enum(ACTIVITY_FILTERS).optional(),
    sort: z.enum(SORT_KEYS).default("lastSeen"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type CustomerListParams = z.output<typeof customerListSchema>;
export type CustomerFilters = Pick<CustomerListParams, "q" | "tier" | "pass" | "activity">;

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Each field on its own: a bad value falls back to its default instead of failing the page. */
function pick<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Forgiving: the URL as typed, shared or hand-edited. Page sizes snap to the offered choices. */
export function parseCustomerListParams(raw: RawParams): CustomerListParams {
  const size = pick(z.coerce.number().int(), first(raw.size));
  const pageSize = PAGE_SIZES.find((option) => option === size) ?? DEFAULT_PAGE_SIZE;
  const q = pick(searchValue, first(raw.q));
  return customerListSchema.parse({
    q: q || undefined,
    tier: pick(tierValue, first(raw.tier)),
    pass: pick(z.enum(PASS_FILTERS), first(raw.pass)),
    activity: pick(z.enum(ACTIVITY_FILTERS), first(raw.activity)),
    sort: pick(z.enum(SORT_KEYS), first(raw.sort)),
    dir: pick(z.enum(["asc", "desc"]), first(raw.dir)),
    page: pick(z.coerce.number().int().min(1).max(10_000), first(raw.page)),
    pageSize,
  });
}

/** Back to a query string, leaving defaults out so links stay short. */
export function customerListQuery(params: Partial<CustomerListParams>): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.tier) search.set("tier", params.tier);
  if (params.pass) search.set("pass", params.pass);
  if (params.activity) search.set("activity", params.activity);
  if (params.sort && params.sort !== "lastSeen") search.set("sort", params.sort);
  if (params.dir && params.dir !== "desc") search.set("dir", params.dir);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE) search.set("size", String(params.pageSize));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The first filter in the URL that no search could use (a NUL character, say), for the export,
 * which must refuse rather than drop it: dropping a filter would export every customer.
 */
export function unusableFilter(raw: RawParams): "q" | "tier" | null {
  for (const key of ["q", "tier"] as const) {
    const value = first(raw[key]);
    if (value !== undefined && !isStorableText(value)) return key;
  }
  return null;
}

/** A search typed too short to run (shown back to the user with a hint), or null. */
export function tooShortSearch(raw: RawParams): string | null {
  const q = first(raw.q)?.trim() ?? "";
  return q.length > 0 && q.length < MIN_SEARCH_LENGTH ? q : null;
}

export function hasFilters(params: CustomerFilters): boolean {
  return Boolean(params.q || params.tier || params.pass || params.activity);
}
