import "server-only";
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseTiers } from "@/lib/loyalty/rules";
import { COUNT_CAP, SEARCH_COUNT_CAP, type Paged } from "@/lib/paging";
import { localDayStart } from "@/lib/time";
import {
  customerListSchema,
  NO_TIER,
  type ActivityFilter,
  type CustomerFilters,
  type CustomerListParams,
  type CustomerSortKey,
} from "./list-params";
import { parseSearchTerms, searchTextCondition } from "./search-terms";

export interface CustomerListRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  passSerial: string;
  passStatus: "installed" | "uninstalled" | "not_installed";
  pointsBalance: number;
  visitCount: number;
  /** Exact decimal string, e.g. "261.50". */
  lifetimeSpend: string;
  tier: string | null;
  lastSeenAt: Date | null;
}

// Allow-list: the only ORDER BY clauses that can reach SQL. Each matches an index
// (customers: 20261125030000; customer_passes: 20261125230000) so the first page never sorts the
// whole merchant. Name Z→A lists nameless customers first, and "last seen, oldest first" lists
// never-seen customers first: those are the indexes' backward orders, and sorting a million rows
// to move them would cost more than it is worth.
const ORDER_BY: Record<CustomerSortKey, Record<"asc" | "desc", Prisma.Sql>> = {
  name: { asc: Prisma.sql`c.name ASC, c.id ASC`, desc: Prisma.sql`c.name DESC, c.id DESC` },
  spend: { asc: Prisma.sql`p.lifetime_spend ASC, p.customer_id ASC`, desc: Prisma.sql`p.lifetime_spend DESC, p.customer_id DESC` },
  visits: { asc: Prisma.sql`p.visit_count ASC, p.customer_id ASC`, desc: Prisma.sql`p.visit_count DESC, p.customer_id DESC` },
  points: { asc: Prisma.sql`p.points_balance ASC, p.customer_id ASC`, desc: Prisma.sql`p.points_balance DESC, p.customer_id DESC` },
  lastSeen: {
    asc: Prisma.sql`p.last_seen_at ASC NULLS FIRST, p.customer_id ASC`,
    desc: Prisma.sql`p.last_seen_at DESC NULLS LAST, p.customer_id DESC`,
  },
};

/** A merchant's customers with their passes; `customerWhere` scopes both sides to the merchant. */
const FROM = Prisma.sql`customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id`;


function activityCondition(activity: ActivityFilter, timeZone: string, now: Date): Prisma.Sql {
  // "Last N days" are N merchant-local calendar days including today.
  const since = (days: number) => localDayStart(now, timeZone, days - 1);
  switch (activity) {
    case "seen_7d": return Prisma.sql`p.last_seen_at >= ${since(7)}`;
    case "seen_30d": return Prisma.sql`p.last_seen_at >= ${since(30)}`;
    case "not_seen_30d": return Prisma.sql`p.last_seen_at < ${since(30)}`;
    case "not_seen_60d": return Prisma.sql`p.last_seen_at < ${since(60)}`;
    case "not_seen_90d": return Prisma.sql`p.last_seen_at < ${since(90)}`;
    case "never": return Prisma.sql`p.last_seen_at IS NULL`;
  }
}

/** The WHERE clause for a merchant's customers under these filters (parameters only, no user text in SQL). */
export function customerWhere(scope: MerchantScope, filters: CustomerFilters, now = new Date()): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.merchant_id = ${scope.merchantId}::uuid`, Prisma.sql`p.merchant_id = ${scope.merchantId}::uuid`];
  if (filters.q) {
    // The record screen's rule: every word, any order, accents and case ignored (trigram index).
    const terms = parseSearchTerms(filters.q);
    if (terms.words.length > 0) conditions.push(searchTextCondition("c", terms));
  }
  if (filters.tier === NO_TIER) conditions.push(Prisma.sql`p.tier IS NULL`);
  else if (filters.tier) conditions.push(Prisma.sql`p.tier = ${filters.tier}`);
  if (filters.pass) conditions.push(Prisma.sql`p.pass_status = ${filters.pass}::"PassStatus"`);
  if (filters.activity) conditions.push(activityCondition(filters.activity, scope.merchant.timeZone, now));
  return Prisma.join(conditions, " AND ");
}

interface RawRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  pass_serial: string;
  pass_status: CustomerListRow["passStatus"];
  points_balance: number;
  visit_count: number;
  lifetime_spend: string;
  tier: string | null;
  last_seen_at: Date | null;
}

function toRow(r: RawRow): CustomerListRow {
  return {
    id: r.id, name: r.name, email: r.email, phone: r.phone, passSerial: r.pass_serial, passStatus: r.pass_status,
    pointsBalance: r.points_balance, visitCount: r.visit_count, lifetimeSpend: r.lifetime_spend, tier: r.tier, lastSeenAt: r.last_seen_at,
  };
}

const COLUMNS = Prisma.sql`c.id::text, c.name, c.email, c.phone, c.pass_serial, p.pass_status::text AS pass_status,
  p.points_balance, p.visit_count, p.lifetime_spend::text AS lifetime_spend, p.tier, p.last_seen_at`;

/**
 * One page of the merchant's customers. The count is exact up to COUNT_CAP (SEARCH_COUNT_CAP for
 * searches) and capped beyond it:
 * an exact count of a million rows costs more than the page itself and nobody pages that far —
 * they search or filter instead. Pages past the cap are refused by the schema's page bound.
 */
export async function listCustomers(scope: MerchantScope, input: unknown, now = new Date()): Promise<Paged<CustomerListRow>> {
  const params: CustomerListParams = customerListSchema.parse(input);
  const where = customerWhere(scope, params, now);
  const offset = (params.page - 1) * params.pageSize;
  const cap = params.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const [rows, counted] = await Promise.all([
    offset >= cap
      ? Promise.resolve([] as RawRow[])
      : db.$queryRaw<RawRow[]>`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where}
          ORDER BY ${ORDER_BY[params.sort][params.dir]} LIMIT ${params.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM (SELECT 1 FROM ${FROM} WHERE ${where} LIMIT ${cap + 1}) capped`,
  ]);
  const count = counted[0]?.count ?? 0;
  return {
    data: rows.map(toRow),
    count: Math.min(count, cap),
    page: params.page,
    pageSize: params.pageSize,
    countIsCapped: count > cap,
  };
}

export interface CustomerExportRow extends CustomerListRow {
  externalId: string | null;
  firstSeenAt: Date | null;
}

/**
 * Every customer under these filters, in batches (keyset on id, so memory stays flat and a
 * million-row export never holds a long OFFSET scan).
 */
export async function* exportCustomerRows(scope: MerchantScope, filters: CustomerFilters, batchSize = 2000): AsyncGenerator<CustomerExportRow[]> {
  const parsed = customerListSchema.parse({ ...filters });
  const where = customerWhere(scope, parsed);
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<(RawRow & { external_id: string | null; first_seen_at: Date | null })[]>`
      SELECT ${COLUMNS}, c.external_id, p.first_seen_at FROM ${FROM}
      WHERE ${where} AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...toRow(r), externalId: r.external_id, firstSeenAt: r.first_seen_at }));
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = last.id;
  }
}

/** The merchant's tier names, for the filter menu. */
export async function merchantTierNames(scope: MerchantScope): Promise<string[]> {
  const merchant = await db.merchant.findUnique({ where: { id: scope.merchantId }, select: { tiers: true } });
  return parseTiers(merchant?.tiers).map((tier) => tier.name);
}
