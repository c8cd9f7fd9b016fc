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
  const [locations, segments, later] = await Promise.all([
    db.location.findMany({ where: { merchantId: scope.merchantId }, select: { id: true } }),
    db.segment.findMany({ where: { merchantId: scope.merchantId }, select: { id: true, name: true, definition: true } }),
    // One probe of the live events' time index: is anything dated after the moment of evaluation?
    db.$queryRaw<{ later: boolean }[]>`SELECT EXISTS (SELECT 1 FROM events WHERE merchant_id = ${scope.merchantId}::uuid AND voided_at IS NULL AND occurred_at > ${now}::timestamptz) AS later`,
  ]);
  return {
    merchantId: scope.merchantId,
    timeZone: scope.merchant.timeZone,
    now,
    locationIds: new Set(locations.map((l) => l.id)),
    segments: new Map(segments.map((s) => [s.id, { name: s.name, definition: s.definition }])),
    laterEvents: later[0]?.later ?? true,
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
const ORDER_BY_ID = "c.id ASC";

const MEMBER_FIELDS = `c.id::text AS id, c.pass_serial AS "passSerial", c.name, c.email, c.phone, p.tier, p.pass_status::text AS "passStatus",
  p.points_balance AS "pointsBalance", p.visit_count AS "visitCount", p.lifetime_spend::text AS "lifetimeSpend", p.last_seen_at AS "lastSeenAt", c.created_at AS "createdAt"`;
const MEMBER_COLUMNS = Prisma.raw(MEMBER_FIELDS);
/** The columns a walk carries, under their own names, so that its rows can be probed as `c` and sorted again. */
const WALK_COLUMNS = Prisma.raw("c.id, c.pass_serial, c.name, c.email, c.phone, c.created_at, p.tier, p.pass_status, p.points_balance, p.visit_count, p.lifetime_spend, p.last_seen_at");
/** An order over the walk's rows (aliased c): the same allow-listed text with the pass's columns read from c. */
const walkOrder = (order: string) => order.replaceAll("p.", "c.");

function membersSql(compiled: CompiledSegment, env: CompileEnv, order: string, afterId: string | null | undefined, limit: number, offset = 0): Prisma.Sql {
  // The member set is evaluated once, then sorted and cut. Letting the planner walk an index in
  // sort order and test each customer looked cheap for "LIMIT 50" but read the whole 10M-event
  // history index for a rare segment (65 s); a materialized set costs about one count.
  // "= ANY(ARRAY(…))" looks the members up one by one: joined to the set, the planner priced a
  // 5-member set by its estimate (16k rows) and hash-joined all 1M customers and passes to it (1 s
  // instead of 15 ms).
  return Prisma.sql`WITH m AS MATERIALIZED (${memberIdsSql(compiled, env, afterId)})
    SELECT ${MEMBER_COLUMNS}
    FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    WHERE c.merchant_id = ${env.merchantId}::uuid AND c.id = ANY(ARRAY(SELECT id FROM m))
    ORDER BY ${Prisma.raw(order)} LIMIT ${limit} OFFSET ${offset}`;
}

/** Up to this many members, sorting the materialized set beats walking an index for a page. */
const SORT_MEMBERS = 20_000;
/** Customers a probing walk reads at most (each one index probe per set) before it gives up. */
const PROBE_WALK = 4_000;
/** Customers a hashed walk may expect to read (its sets are built whole first) before sorting wins. */
const HASH_WALK = 200_000;

export type PageStrategy = "probe" | "walk" | "sort";

/** How to find a page: from the members' share of all customers, the customers a walk would read. */
function strategyFor(need: number, count: number, total: number): PageStrategy {
  if (count <= SORT_MEMBERS) return "sort";
  const visits = (need * Math.max(total, count)) / count;
  if (visits * 2 <= PROBE_WALK) return "probe";
  return visits <= HASH_WALK ? "walk" : "sort";
}

/**
 * A broad segment's page by walking the customers in `order` and testing each: "walk" tests them
 * against the predicate's sets, each built once as a hash ("IS TRUE" keeps them hashed subplans
 * instead of joins the planner would run over the whole set before sorting it, 44 s to sort 1M
 * members by name); "probe" reads at most PROBE_WALK customers and probes the sets for each one
 * (a page of a 600,000-member segment reads ~85 customers instead of hashing 600,000 ids).
 */
function walkSql(run: SegmentRun, how: "probe" | "walk", order: string, after: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  const m = Prisma.sql`${run.env.merchantId}::uuid`;
  if (how === "walk") {
    return Prisma.sql`SELECT ${MEMBER_COLUMNS}
      FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
      WHERE c.merchant_id = ${m}${after} AND (${run.compiled.term.predicate}) IS TRUE
      ORDER BY ${Prisma.raw(order)} LIMIT ${limit} OFFSET ${offset}`;
  }
  // The inner LIMIT keeps the probe out of the walk (it is tested on the walk's rows as they come,
  // in order, until the page is full) and bounds the walk.
  return Prisma.sql`SELECT ${Prisma.raw(MEMBER_FIELDS.replaceAll("p.", "c."))}
    FROM (SELECT ${WALK_COLUMNS} FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
          WHERE c.merchant_id = ${m}${after} ORDER BY ${Prisma.raw(order)} LIMIT ${PROBE_WALK}) AS c
    WHERE ${run.compiled.term.probe}
    ORDER BY ${Prisma.raw(walkOrder(order))} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * One page of members in `order` (after `afterId` in id order for the cursor pages), for a segment
 * of `count` members among `total` customers: a broad segment walks the sort order's index (see
 * walkSql); a narrow one, or a page deep into the set, is materialized and sorted (membersSql).
 */
async function findPage(tx: Tx, run: SegmentRun, order: string, page: { limit: number; offset: number; afterId?: string | null }, count: number, total: number, strategy?: PageStrategy): Promise<MemberRow[]> {
  if (count === 0) return [];
  let how = strategy ?? strategyFor(page.offset + page.limit, count, total);
  const after = page.afterId ? Prisma.sql` AND c.id > ${page.afterId}::uuid` : Prisma.empty;
  if (how === "probe") {
    const rows = await tx.$queryRaw<MemberRow[]>(walkSql(run, "probe", order, after, page.limit, page.offset));
    if (rows.length === page.limit || strategy === "probe") return rows;
    // A short page: the members ended, unless the walk stopped at its bound first (the members
    // are not spread evenly: recent installers are the newest customers, last in id order).
    const beyond = await tx.$queryRaw<unknown[]>`SELECT 1 FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
      WHERE c.merchant_id = ${run.env.merchantId}::uuid${after} ORDER BY ${Prisma.raw(order)} OFFSET ${PROBE_WALK} LIMIT 1`;
    if (beyond.length === 0) return rows;
    how = count > SORT_MEMBERS * 5 ? "walk" : "sort";
  }
  if (how === "walk") return tx.$queryRaw<MemberRow[]>(walkSql(run, "walk", order, after, page.limit, page.offset));
  return tx.$queryRaw<MemberRow[]>(membersSql(run.compiled, run.env, order, page.afterId, page.limit, page.offset));
}

export interface SegmentRun {
  compiled: CompiledSegment;
  env: CompileEnv;
}

export function compileFor(env: CompileEnv, definition: SegmentDefinition, selfId?: string): SegmentRun {
  return { compiled: compileSegment(definition, env, selfId), env };
}

export async function countMembers(run: SegmentRun): Promise<number> {
  return withSegmentQuery(async (t) => (await t.$queryRaw<{ count: number }[]>(countSql(run.compiled, run.env)))[0]?.count ?? 0);
}

export async function totalCustomers(scope: Pick<MerchantScope, "merchantId">): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM customers WHERE merchant_id = ${scope.merchantId}::uuid`;
  return rows[0]?.count ?? 0;
}

export interface SegmentPreview {
  count: number;
  totalCustomers: number;
  members: { id: string; passSerial: string; name: string | null }[];
  warnings: CompileWarning[];
}

/** The member count and the merchant's customers, at once (two connections). */
export async function segmentSize(run: SegmentRun): Promise<{ count: number; total: number }> {
  const [count, total] = await Promise.all([countMembers(run), totalCustomers({ merchantId: run.env.merchantId })]);
  return { count, total };
}

/** The live preview: count, share of all customers and the first members, newest customers first. */
export async function previewSegment(scope: MerchantScope, definition: SegmentDefinition, options: { now?: Date; limit?: number; selfId?: string } = {}): Promise<SegmentPreview> {
  const run = compileFor(await loadCompileEnv(scope, options.now), definition, options.selfId);
  const { count, total } = await segmentSize(run);
  const members = await withSegmentQuery((tx) => findPage(tx, run, ORDER.since.desc, { limit: options.limit ?? 10, offset: 0 }, count, total));
  return { count, totalCustomers: total, members: members.map((m) => ({ id: m.id, passSerial: m.passSerial, name: m.name })), warnings: run.compiled.warnings };
}

/** One page of members for the dashboard, sorted by an allow-listed key. */
export async function memberPage(run: SegmentRun, options: { sort: MemberSort; desc: boolean; page: number; pageSize: number; strategy?: PageStrategy }): Promise<{ data: MemberRow[]; count: number }> {
  const order = ORDER[options.sort][options.desc ? "desc" : "asc"];
  const { count, total } = await segmentSize(run);
  const data = await withSegmentQuery((tx) => findPage(tx, run, order, { limit: options.pageSize, offset: (options.page - 1) * options.pageSize }, count, total, options.strategy));
  return { data, count };
}

/**
 * Members after `afterId` in id order: the API's cursor pages and the export's batches. `size`
 * (segmentSize) when the caller knows it already (the export asks once for all its batches).
 */
export async function membersAfter(run: SegmentRun, afterId: string | null, limit: number, options: { size?: { count: number; total: number }; strategy?: PageStrategy } = {}): Promise<MemberRow[]> {
  const { count, total } = options.size ?? (await segmentSize(run));
  return withSegmentQuery((tx) => findPage(tx, run, ORDER_BY_ID, { limit, offset: 0, afterId }, count, total, options.strategy));
}
