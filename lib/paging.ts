// The one paged-result shape every list (customers, audit log, …) returns and the DataTable reads.
export interface Paged<T> {
  data: T[];
  /** Rows matching the filters; a lower bound when `countIsCapped` (see COUNT_CAP). */
  count: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** True when more than `count` rows match: counting a million rows exactly is not worth it. */
  countIsCapped: boolean;
}

/** Lists count at most this many matches exactly; beyond it they say "10,000+". */
export const COUNT_CAP = 10_000;
/**
 * Searches stop counting sooner: every match is a random heap read, and "1,000+ matches" already
 * says "type a bit more" (10,000 matches of a common fragment cost ≈ 300 ms on 1M customers).
 */
export const SEARCH_COUNT_CAP = 1_000;

export function pageCount(result: Pick<Paged<unknown>, "count" | "pageSize">): number {
  return Math.max(1, Math.ceil(result.count / result.pageSize));
}
