import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { passSelect, withPass } from "./pass";
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
export const SHORT_QUERY_WINDOW = 5000;
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
 * accents and case. Exact matches on pass serial, external id, email or phone come first (a
 * scanner types a whole serial), then customers with a word starting with each typed word
 * ("mar" → Martín before Omar), then any other matches; each group most recently seen first.
 */
export async function searchCustomers(context: MerchantContext, query: string, limit = 8): Promise<CustomerSearchResult> {
  const sql = searchCustomersSql(context.merchantId, query, limit);
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
export function searchCustomersSql(merchantId: string, query: string, limit = 8): Prisma.Sql | null {
  const q = query.trim().slice(0, SEARCH_MAX_QUERY);
  if (!q) return null;
  const terms = parseSearchTerms(q);
  if (terms.words.length === 0) return null;
  const take = Math.max(1, Math.min(limit, SEARCH_MAX_LIMIT));
  const lower = q.toLowerCase();
  const phone = terms.phoneDigits ? `+${terms.phoneDigits}` : null;
  const FROM = Prisma.sql`customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id`;
  const mine = Prisma.sql`c.merchant_id = ${merchantId}::uuid AND p.merchant_id = ${merchantId}::uuid`;
  const anywhere = searchTextCondition("c", terms);
  const wordStart = searchTextCondition("c", terms, true);
  // Each group is its own LIMITed scan; the LIMIT above their UNION ALL stops as soon as enough
  // rows came, so a common prefix ("mar") never reads its substring group at all. Postgres picks
  // per group between the trigram index (rare words) and walking the recency index (common ones).
  const ranked = terms.indexable
    ? Prisma.sql`
      (SELECT c.id, 1 AS rank FROM ${FROM} WHERE ${mine} AND ${wordStart} AND c.id NOT IN (SELECT id FROM exact)
       ORDER BY ${RECENT} LIMIT ${take})
      UNION ALL
      (SELECT c.id, 2 FROM ${FROM} WHERE ${mine} AND ${anywhere} AND NOT (${wordStart}) AND c.id NOT IN (SELECT id FROM exact)
       ORDER BY ${RECENT} LIMIT ${take})`
    : // Only short words: the most recently seen customers (walked in the order of
      // customer_passes_merchant_id_recent_idx), each joined to their customer row once.
      Prisma.sql`
      (SELECT c.id, CASE WHEN ${wordStart} THEN 1 ELSE 2 END AS rank FROM (
        SELECT p.customer_id, p.last_seen_at FROM customer_passes p WHERE p.merchant_id = ${merchantId}::uuid
        ORDER BY p.last_seen_at DESC NULLS LAST, p.customer_id DESC LIMIT ${SHORT_QUERY_WINDOW}
      ) p JOIN customers c ON c.merchant_id = ${merchantId}::uuid AND c.id = p.customer_id
      WHERE ${anywhere} AND c.id NOT IN (SELECT id FROM exact)
      ORDER BY 2, ${RECENT} LIMIT ${take})`;
  const counted = terms.indexable
    ? Prisma.sql`SELECT c.id FROM customers c WHERE c.merchant_id = ${merchantId}::uuid AND ${anywhere} LIMIT ${SEARCH_COUNT_CAP + 1}`
    : Prisma.sql`SELECT c.id FROM (
        SELECT p.customer_id FROM customer_passes p WHERE p.merchant_id = ${merchantId}::uuid
        ORDER BY p.last_seen_at DESC NULLS LAST, p.customer_id DESC LIMIT ${SHORT_QUERY_WINDOW}
      ) p JOIN customers c ON c.merchant_id = ${merchantId}::uuid AND c.id = p.customer_id WHERE ${anywhere} LIMIT ${SEARCH_COUNT_CAP + 1}`;
  return Prisma.sql`
    WITH exact AS (
      SELECT id FROM customers
      WHERE merchant_id = ${merchantId}::uuid
        AND (pass_serial = ${q} OR external_id = ${q} OR lower(email) = ${lower} OR phone = ${phone})
      LIMIT ${take}
    ), hits AS (
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
