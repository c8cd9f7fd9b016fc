import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isStorableText } from "@/lib/validation/storable";
import { passSelect, withPass } from "./pass";

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
 * Queries under 3 characters have no trigrams, so no index can find them: they look only among
 * this many most recently seen customers (bounded cost; a third character searches everyone).
 * Without the bound a rare 2-letter query reads every customer (≈ 120 ms at 100k).
 */
export const SHORT_QUERY_LENGTH = 3;
export const SHORT_QUERY_WINDOW = 5000;

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
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
}

/**
 * Finds customers by any fragment of name, email, phone or pass serial. Exact matches on pass
 * serial, external id or email come first (a scanner types a whole serial); the rest are the
 * most recently seen. The ILIKE expression is written exactly as the trigram index
 * `customers_search_trgm_idx` is defined, or Postgres cannot use it.
 */
export async function searchCustomers(context: MerchantContext, query: string, limit = 8): Promise<CustomerSearchHit[]> {
  if (!isStorableText(query)) throw new AppError("validation_error", "Search text can’t contain control characters.", { path: "q" });
  const sql = searchCustomersSql(context.merchantId, query, limit);
  if (!sql) return [];
  const rows = await db.$queryRaw<Row[]>(sql);
  return rows.map((r) => ({
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
  }));
}

/** The query of searchCustomers (also timed by `npm run bench -- search`); null for a blank query. */
export function searchCustomersSql(merchantId: string, query: string, limit = 8): Prisma.Sql | null {
  const q = query.trim().slice(0, SEARCH_MAX_QUERY);
  if (!q) return null;
  const take = Math.max(1, Math.min(limit, SEARCH_MAX_LIMIT));
  const pattern = `%${escapeLike(q)}%`;
  const lower = q.toLowerCase();
  // Under 3 characters: the most recently seen customers only (walked in the order of
  // customer_passes_merchant_id_recent_idx), each joined to their pass once.
  const fuzzy = q.length < SHORT_QUERY_LENGTH
    ? Prisma.sql`
      SELECT w.id FROM (
        SELECT c.id, c.name, c.email, c.phone, c.pass_serial, p.last_seen_at
        FROM customer_passes p JOIN customers c ON c.merchant_id = p.merchant_id AND c.id = p.customer_id
        WHERE p.merchant_id = ${merchantId}::uuid
        ORDER BY p.last_seen_at DESC NULLS LAST, p.customer_id DESC LIMIT ${SHORT_QUERY_WINDOW}
      ) w
      WHERE (coalesce(w.name,'') || ' ' || coalesce(w.email,'') || ' ' || coalesce(w.phone,'') || ' ' || w.pass_serial) ILIKE ${pattern}
      ORDER BY w.last_seen_at DESC NULLS LAST, w.id DESC
      LIMIT ${take}`
    : Prisma.sql`
      SELECT c.id FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
      WHERE c.merchant_id = ${merchantId}::uuid
        AND (coalesce(c.name,'') || ' ' || coalesce(c.email,'') || ' ' || coalesce(c.phone,'') || ' ' || c.pass_serial) ILIKE ${pattern}
      ORDER BY p.last_seen_at DESC NULLS LAST, c.id DESC
      LIMIT ${take}`;
  return Prisma.sql`
    WITH exact AS (
      SELECT id FROM customers
      WHERE merchant_id = ${merchantId}::uuid
        AND (pass_serial = ${q} OR external_id = ${q} OR lower(email) = ${lower})
      LIMIT ${take}
    ), fuzzy AS (${fuzzy}
    ), hits AS (
      SELECT id, true AS exact FROM exact
      UNION ALL
      SELECT id, false FROM fuzzy WHERE id NOT IN (SELECT id FROM exact)
    )
    SELECT c.id::text, c.name, c.email, c.phone, c.pass_serial, p.points_balance, p.visit_count, p.tier,
           p.lifetime_spend::text, p.last_seen_at, h.exact
    FROM hits h JOIN customers c ON c.merchant_id = ${merchantId}::uuid AND c.id = h.id
      JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    ORDER BY h.exact DESC, p.last_seen_at DESC NULLS LAST, c.id DESC
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
