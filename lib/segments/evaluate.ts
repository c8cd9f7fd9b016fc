import "server-only";
// Running compiled segments: counts, the preview, member pages (offset for the dashboard, cursor
// for the API) and export batches. Always computed when asked, from events and the write path's
// rollups, never from a stored member list.
import type { MerchantScope } from "@/lib/auth/session";
import { db, segmentDb } from "@/lib/db";
import type { PassStatusValue } from "@/lib/events/registry";
import { Prisma } from "@/lib/generated/prisma/client";
import { compileSegment, countSql, memberIdsSql, type CompiledSegment, type CompileEnv, type CompileWarning } from "./compile";
import type { SegmentDefinition } from "./definition";

/** What segment queries need of a client or a transaction. */
type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

/** What the compiler needs to know about the merchant: locations and saved segments that exist. */
export async function loadCompileEnv(scope: MerchantScope, now = new Date()): Promise<CompileEnv> {
  const [locations, segments] = await Promise.all([
    db.location.findMany({ where: { merchantId: scope.merchantId }, select: { id: true } }),
    db.segment.findMany({ where: { merchantId: scope.merchantId }, select: { id: true, name: true, definition: true } }),
  ]);
  return {
    merchantId: scope.merchantId,
    timeZone: scope.merchant.timeZone,
    now,
    locationIds: new Set(locations.map((l) => l.id)),
    segments: new Map(segments.map((s) => [s.id, { name: s.name, definition: s.definition }])),
  };
}

/**
 * Runs segment SQL on the segment connections (lib/db.ts segmentDb: their sessions carry the
 * memory, cost and time settings segment queries need), one round trip per query. No transaction:
 * at READ COMMITTED it would not make a count and a page see one snapshot anyway.
 */
export async function withSegmentQuery<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  return run(segmentDb);
}

export interface MemberRow {
  id: string;
  passSerial: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: string | null;
  passStatus: PassStatusValue;
  pointsBalance: number;
  visitCount: number;
  lifetimeSpend: string;
  lastSeenAt: Date | null;
  createdAt: Date;
}

export const MEMBER_SORTS = ["name", "spend", "visits", "points", "last_seen", "since"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

// The allow-list of sort orders: a sort key from the URL only ever selects one of these texts.
const ORDER: Record<MemberSort, { asc: string; desc: string }> = {
  name: { asc: "c.name ASC NULLS LAST, c.id ASC", desc: "c.name DESC NULLS LAST, c.id DESC" },
  spend: { asc: "p.lifetime_spend ASC, c.id ASC", desc: "p.lifetime_spend DESC, c.id DESC" },
  visits: { asc: "p.visit_count ASC, c.id ASC", desc: "p.visit_count DESC, c.id DESC" },
  points: { asc: "p.points_balance ASC, c.id ASC", desc: "p.points_balance DESC, c.id DESC" },
  last_seen: { asc: "p.last_seen_at ASC NULLS FIRST, c.id ASC", desc: "p.last_seen_at DESC NULLS LAST, c.id DESC" },
  since: { asc: "c.created_at ASC, c.id ASC", desc: "c.created_at DESC, c.id DESC" },
};

const MEMBER_COLUMNS = Prisma.sql`c.id::text AS id, c.pass_serial AS "passSerial", c.name, c.email, c.phone, p.tier, p.pass_status::text AS "passStatus",
  p.points_balance AS "pointsBalance", p.visit_count AS "visitCount", p.lifetime_spend::text AS "lifetimeSpend", p.last_seen_at AS "lastSeenAt", c.created_at AS "createdAt"`;

function membersSql(compiled: CompiledSegment, env: CompileEnv, order: string, extra: Prisma.Sql, limit: number, offset = 0): Prisma.Sql {
  // The member set is evaluated once, then sorted and cut. Letting the planner walk an index in
  // sort order and test each customer looked cheap for "LIMIT 50" but read the whole 10M-event
  // history index for a rare segment (65 s); a materialized set costs about one count.
  return Prisma.sql`WITH m AS MATERIALIZED (${memberIdsSql(compiled, env)})
    SELECT ${MEMBER_COLUMNS}
    FROM m JOIN customers c ON c.merchant_id = ${env.merchantId}::uuid AND c.id = m.id
    JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    WHERE TRUE${extra}
    ORDER BY ${Prisma.raw(order)} LIMIT ${limit} OFFSET ${offset}`;
}

/** Up to this many members, sorting the materialized set beats walking an index for a page. */
const SORT_MEMBERS = 20_000;

/**
 * One page of members in `order`, for a segment of `count` members. A broad segment walks the sort
 * order's index and tests each customer until the page is full (about (offset + limit) × customers /
 * count rows; at least 20,000 members keeps that small): "IS TRUE" keeps the predicate's sets as
 * hashed subplans, each built once, instead of joins the planner would run over the whole set
 * before sorting it (44 s to sort 1M members by name). A narrow segment, or a page deep into the
 * set, is materialized and sorted (membersSql).
 */
function pageSql(run: SegmentRun, order: string, limit: number, offset: number, count: number, strategy?: "walk" | "sort"): Prisma.Sql {
  const walk = strategy ? strategy === "walk" : count > SORT_MEMBERS && (offset + limit) * 4 <= count;
  if (!walk) return membersSql(run.compiled, run.env, order, Prisma.empty, limit, offset);
  return Prisma.sql`SELECT ${MEMBER_COLUMNS}
    FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    WHERE c.merchant_id = ${run.env.merchantId}::uuid AND (${run.compiled.predicate}) IS TRUE
    ORDER BY ${Prisma.raw(order)} LIMIT ${limit} OFFSET ${offset}`;
}

export interface SegmentRun {
  compiled: CompiledSegment;
  env: CompileEnv;
}

export function compileFor(env: CompileEnv, definition: SegmentDefinition, selfId?: string): SegmentRun {
  return { compiled: compileSegment(definition, env, selfId), env };
}

export async function countMembers(run: SegmentRun, tx?: Tx): Promise<number> {
  const query = async (t: Tx) => (await t.$queryRaw<{ count: number }[]>(countSql(run.compiled, run.env)))[0]?.count ?? 0;
  return tx ? query(tx) : withSegmentQuery(query);
}

export async function totalCustomers(scope: MerchantScope, tx?: Tx): Promise<number> {
  const rows = await (tx ?? db).$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM customers WHERE merchant_id = ${scope.merchantId}::uuid`;
  return rows[0]?.count ?? 0;
}

export interface SegmentPreview {
  count: number;
  totalCustomers: number;
  members: { id: string; passSerial: string; name: string | null }[];
  warnings: CompileWarning[];
}

/** The live preview: count, share of all customers and the first members, newest customers first. */
export async function previewSegment(scope: MerchantScope, definition: SegmentDefinition, options: { now?: Date; limit?: number; selfId?: string } = {}): Promise<SegmentPreview> {
  const run = compileFor(await loadCompileEnv(scope, options.now), definition, options.selfId);
  return withSegmentQuery(async (tx) => {
    // One connection runs these one after another anyway; the count chooses how to find the page.
    const count = await countMembers(run, tx);
    const total = await totalCustomers(scope, tx);
    const members = await tx.$queryRaw<MemberRow[]>(pageSql(run, ORDER.since.desc, options.limit ?? 10, 0, count));
    return { count, totalCustomers: total, members: members.map((m) => ({ id: m.id, passSerial: m.passSerial, name: m.name })), warnings: run.compiled.warnings };
  });
}

/** One page of members for the dashboard, sorted by an allow-listed key. */
export async function memberPage(run: SegmentRun, options: { sort: MemberSort; desc: boolean; page: number; pageSize: number; strategy?: "walk" | "sort" }): Promise<{ data: MemberRow[]; count: number }> {
  const order = ORDER[options.sort][options.desc ? "desc" : "asc"];
  return withSegmentQuery(async (tx) => {
    const count = await countMembers(run, tx);
    const data = await tx.$queryRaw<MemberRow[]>(pageSql(run, order, options.pageSize, (options.page - 1) * options.pageSize, count, options.strategy));
    return { data, count };
  });
}

/** Customers tested in id order before a page falls back to materializing the whole set. */
const BLOCK = 20_000;

/** Members after `afterId` in id order: the API's cursor pages and the export's batches. */
export async function membersAfter(run: SegmentRun, afterId: string | null, limit: number, block = BLOCK): Promise<MemberRow[]> {
  const after = afterId ? Prisma.sql` AND c.id > ${afterId}::uuid` : Prisma.empty;
  return withSegmentQuery(async (tx) => {
    // First the next block of customers in id order, each tested against the predicate (IS TRUE
    // keeps its sets as hashed subplans, built once): a broad segment fills the page from the
    // block without evaluating anyone else (a full materialized set was 2–10 s for 900k members).
    const tested = await tx.$queryRaw<{ seen: number; ids: string[] | null }[]>`WITH c AS MATERIALIZED (SELECT * FROM customers c
      WHERE c.merchant_id = ${run.env.merchantId}::uuid${after} ORDER BY c.id LIMIT ${block})
      SELECT (SELECT count(*)::int FROM c) AS seen,
        (SELECT array_agg(id::text ORDER BY id) FROM (SELECT c.id FROM c WHERE (${run.compiled.predicate}) IS TRUE ORDER BY c.id LIMIT ${limit}) x) AS ids`;
    const found = tested[0]?.ids ?? [];
    const done = found.length >= limit || (tested[0]?.seen ?? 0) < block;
    // A narrow segment: the set is materialized, then cut. "ORDER BY id LIMIT n" over the predicate
    // let the planner walk the whole event history index in id order for a rare segment (65 s).
    // Ids first, rows second: joined in one statement, the planner priced a 5-member segment by its
    // estimate (16k rows) and hash-joined all 1M customers and passes to it (1 s instead of 15 ms).
    const ids = done ? found.map((id) => ({ id })) : await tx.$queryRaw<{ id: string }[]>`WITH m AS MATERIALIZED (${memberIdsSql(run.compiled, run.env, afterId)})
      SELECT id::text AS id FROM m ORDER BY id LIMIT ${limit}`;
    if (ids.length === 0) return [];
    return tx.$queryRaw<MemberRow[]>`SELECT ${MEMBER_COLUMNS}
      FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
      WHERE c.merchant_id = ${run.env.merchantId}::uuid AND c.id = ANY(${ids.map((r) => r.id)}::uuid[]) ORDER BY c.id`;
  });
}
