import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isStorableText } from "@/lib/validation/storable";
import { passSelect, withPass } from "./pass";
import { normalizePhone, normalizeSerial, type CountryCode } from "./identifiers";
import { phoneRegionFor } from "./region";
import { escapeLike, parseSearchTerms, searchTextCondition } from "./search-terms";

export interface CustomerSearchHit {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  passSerial: string;
  pointsBalance: number;
  visitCount: number;
  tier: string | null;
  lifetimeSpend: string;
  lastSeenAt: string | null;
  /** The query equals this customer's pass serial, external id or email exactly. */
  exact: boolean;
}

export const SEARCH_MAX_QUERY = 100;
export const SEARCH_MAX_LIMIT = 50;
/**
 * Queries whose words are all under 3 characters have no trigrams, so no index can find them:
 * they look only among this many most recently seen customers (bounded cost; a third character
 * searches everyone). Without the bound a rare 2-letter query reads every customer.
 */
export const SHORT_QUERY_WINDOW = 1000;
/** Longer queries rank at most this many trigram matches, plus those among the most recent customers. */
export const SEARCH_CANDIDATES = 500;
export const RECENT_WINDOW = 200;
/** Matches are counted up to this many ("8 of 100+ — keep typing"): enough to say "be more specific". */
export const SEARCH_COUNT_CAP = 100;

export { escapeLike };

export interface CustomerSearchResult {
  hits: CustomerSearchHit[];
  /** How many customers match, up to SEARCH_COUNT_CAP. */
  total: number;
  /** More than SEARCH_COUNT_CAP match. */
  totalIsCapped: boolean;
}

interface Row {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  pass_serial: string;
  points_balance: number;
  visit_count: number;
  tier: string | null;
  lifetime_spend: string;
  last_seen_at: Date | null;
  exact: boolean;
  total: number;
}

/**
 * Finds customers by any words of name, email, phone or pass serial, in any order, ignoring
 * accents and case. An exact pass serial, external id, email or phone is the whole answer (a
 * scanner types a whole serial); otherwise customers with a word starting with each typed word
 * ("mar" → Martín before Omar), then any other matches; each group most recently seen first.
 */
export async function searchCustomers(context: MerchantContext, query: string, limit = 8): Promise<CustomerSearchResult> {
  if (!isStorableText(query)) throw new AppError("validation_error", "Search text can’t contain control characters.", { path: "q" });
  const sql = searchCustomersSql(context.merchantId, query, limit, phoneRegionFor(context.merchant.timeZone));
  if (!sql) return { hits: [], total: 0, totalIsCapped: false };
  const rows = await db.$queryRaw<Row[]>(sql);
  const counted = Math.max(rows[0]?.total ?? 0, rows.length);
  return {
    hits: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      passSerial: r.pass_serial,
      pointsBalance: r.points_balance,
      visitCount: r.visit_count,
      tier: r.tier,
      lifetimeSpend: r.lifetime_spend,
      lastSeenAt: r.last_seen_at?.toISOString() ?? null,
      exact: r.exact,
    })),
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalIsCapped: counted > SEARCH_COUNT_CAP,
  };
}

const RECENT = Prisma.sql`p.last_seen_at DESC NULLS LAST, c.id DESC`;

/** The query of searchCustomers (also timed by `npm run bench -- search`); null for a blank query. */
export function searchCustomersSql(merchantId: string, query: string, limit = 8, phoneRegion?: CountryCode): Prisma.Sql | null {
  const q = query.trim().slice(0, SEARCH_MAX_QUERY);
  if (!q) return null;
  const terms = parseSearchTerms(q);
  if (terms.words.length === 0) return null;
  const take = Math.max(1, Math.min(limit, SEARCH_MAX_LIMIT));
  const lower = q.toLowerCase();
  // A whole number, however typed ("2125550570" in New York), is an exact phone match.
  const phone = terms.phoneDigits ? (normalizePhone(q, phoneRegion) ?? `+${terms.phoneDigits}`) : null;
  const FROM = Prisma.sql`customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id`;
  // A whole serial, email or phone that matches is the answer: the fuzzy groups are skipped
  // (one-time filter), so a scan never waits for a trigram search.
  const mine = Prisma.sql`c.merchant_id = ${merchantId}::uuid AND p.merchant_id = ${merchantId}::uuid AND NOT EXISTS (SELECT 1 FROM exact)`;
  const anywhere = searchTextCondition("c", terms);
  const wordStart = searchTextCondition("c", terms, true);
  // Bounded work whatever the words: candidates are at most CANDIDATES trigram matches (in index
  // order) plus the matches among the RECENT_WINDOW most recently seen customers (so regulars are
  // found even for a common word), ranked word-start first, then most recently seen. Letting the
  // planner choose between "sort every match" and "walk the recency index" cost up to a second at
  // 1M customers whenever its estimate of how common a word was off.
  // Both sets are computed once (MATERIALIZED): the trigram matches serve the ranking and the
  // count, and the recent customers are tested row by row on their own search text. Left to the
  // planner, each use re-ran the trigram bitmap scan (10–13 ms each for a phone fragment that 850
  // customers share), the recent branch included.
  const recentRows = Prisma.sql`
    SELECT r.customer_id AS id,
           (SELECT x.search_text FROM customers x WHERE x.merchant_id = ${merchantId}::uuid AND x.id = r.customer_id) AS search_text
    FROM (
      SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = ${merchantId}::uuid
      ORDER BY p.last_seen_at DESC NULLS LAST, p.customer_id DESC LIMIT ${terms.indexable ? RECENT_WINDOW : SHORT_QUERY_WINDOW}
    ) r`;
  const recentMatches = Prisma.sql`SELECT c.id FROM recent c WHERE ${anywhere}`;
  const matches = terms.indexable
    ? Prisma.sql`, matches AS MATERIALIZED (
        SELECT c.id FROM customers c WHERE c.merchant_id = ${merchantId}::uuid AND ${anywhere} AND NOT EXISTS (SELECT 1 FROM exact)
        LIMIT ${SEARCH_CANDIDATES})`
    : Prisma.empty;
  const candidates = terms.indexable ? Prisma.sql`SELECT id FROM matches UNION ${recentMatches}` : recentMatches;
  const ranked = Prisma.sql`
      (SELECT c.id, CASE WHEN ${wordStart} THEN 1 ELSE 2 END AS rank
       FROM (${candidates}) cand JOIN ${FROM} ON c.id = cand.id
       WHERE ${mine}
       ORDER BY 2, ${RECENT} LIMIT ${take})`;
  // Counted up to the cap: SEARCH_CANDIDATES > SEARCH_COUNT_CAP, so the first matches are enough.
  const counted = terms.indexable
    ? Prisma.sql`SELECT id FROM matches LIMIT ${SEARCH_COUNT_CAP + 1}`
    : Prisma.sql`${recentMatches} AND NOT EXISTS (SELECT 1 FROM exact) LIMIT ${SEARCH_COUNT_CAP + 1}`;
  return Prisma.sql`
    WITH exact AS (
      SELECT id FROM customers
      WHERE merchant_id = ${merchantId}::uuid
        AND (pass_serial = ${normalizeSerial(q) ?? q} OR external_id = ${q} OR lower(email) = ${lower} OR phone = ${phone})
      LIMIT ${take}
    ), recent AS MATERIALIZED (${recentRows})${matches}, hits AS (
      SELECT * FROM (SELECT id, 0 AS rank FROM exact UNION ALL ${ranked}) ranked LIMIT ${take}
    )
    SELECT c.id::text, c.name, c.email, c.phone, c.pass_serial, p.points_balance, p.visit_count, p.tier,
           p.lifetime_spend::text, p.last_seen_at, h.rank = 0 AS exact,
           (SELECT count(*)::int FROM ((${counted}) UNION SELECT id FROM exact) n) AS total
    FROM hits h JOIN customers c ON c.merchant_id = ${merchantId}::uuid AND c.id = h.id
      JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    ORDER BY h.rank, ${RECENT}
    LIMIT ${take}`;
}

/** One customer in the search-hit shape (for `/record?customer=<id>`), or null. */
export async function getCustomerHit(context: MerchantContext, customerId: string): Promise<CustomerSearchHit | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(customerId)) return null;
  const c = await db.customer.findFirst({
    where: { merchantId: context.merchantId, id: customerId },
    select: { id: true, name: true, email: true, phone: true, passSerial: true, pass: { select: passSelect } },
  });
  if (!c) return null;
  const { passStatus: _status, firstSeenAt: _first, ...hit } = withPass(c);
  return { ...hit, lastSeenAt: hit.lastSeenAt?.toISOString() ?? null, exact: true };
}
