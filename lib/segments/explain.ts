import "server-only";
// "The values that put each member in": for a page of members, each condition of the definition
// measured for each of them ("purchases: 7 · last purchase: 12 days ago · spend: $612.40").
// One query per page, by customer id (the per-customer history index), never over all customers.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatCount, formatMoney } from "@/lib/format";
import { formatLocal, localDate } from "@/lib/time";
import { eventMatchSql, rangeSql, type CompileEnv } from "./compile-events";
import { conditionsOf, type Condition, type EventCondition, type SegmentDefinition } from "./definition";
import type { MemberRow } from "./evaluate";
import { eventNoun } from "./sentence";
import { resolveWindow } from "./windows";

const MAX_EXPLAINED = 6;

interface Measure { k: number; customer_id: string; n: number; amount: string; points: number; last_at: Date | null; first_at: Date | null }

function isEventCondition(c: Condition): c is EventCondition {
  return c.kind === "count" || c.kind === "sum" || c.kind === "recency" || c.kind === "first_time" || c.kind === "has";
}

function daysAgo(at: Date, env: CompileEnv): string {
  const days = Math.round((Date.parse(localDate(env.now, env.timeZone)) - Date.parse(localDate(at, env.timeZone))) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

/** Member id → the phrases that explain their membership, in the definition's order. */
export async function explainMembers(env: CompileEnv, definition: SegmentDefinition, members: MemberRow[], currency: string): Promise<Map<string, string[]>> {
  const conditions = conditionsOf(definition).slice(0, MAX_EXPLAINED * 2);
  const eventConditions = conditions.filter(isEventCondition).slice(0, MAX_EXPLAINED);
  const ids = members.map((m) => m.id);
  const measures = new Map<string, Measure>();
  if (ids.length && eventConditions.length) {
    const e = Prisma.raw("e");
    const parts = eventConditions.map((c, k) => {
      // Recency and first time are explained by the last / first such event ever.
      const window = c.kind === "recency" || c.kind === "first_time" ? { start: null, end: null } : resolveWindow(c.window, env.now, env.timeZone);
      return Prisma.sql`SELECT ${k}::int AS k, e.customer_id::text AS customer_id, count(*)::int AS n, coalesce(sum(e.amount), 0)::text AS amount,
          coalesce(sum(greatest(e.points, 0)), 0)::int AS points, max(e.occurred_at) AS last_at, min(e.occurred_at) AS first_at
        FROM events e WHERE ${eventMatchSql(e, c.event, env)} AND ${rangeSql(e, Prisma.raw("occurred_at"), window)} AND e.customer_id = ANY(${ids}::uuid[])
        GROUP BY e.customer_id`;
    });
    for (const row of await db.$queryRaw<Measure[]>(Prisma.join(parts, " UNION ALL "))) measures.set(`${row.k}|${row.customer_id}`, row);
  }
  const money = (v: string) => formatMoney(v, currency);
  const out = new Map<string, string[]>();
  for (const member of members) {
    const phrases: string[] = [];
    eventConditions.forEach((c, k) => {
      const m = measures.get(`${k}|${member.id}`);
      const noun = eventNoun(c.event, true);
      const one = eventNoun(c.event, false);
      if (c.kind === "count") phrases.push(`${noun}: ${formatCount(m?.n ?? 0)}`);
      else if (c.kind === "sum") phrases.push(c.field === "amount" ? `spend: ${money(m?.amount ?? "0")}` : `points earned: ${formatCount(m?.points ?? 0)}`);
      else if (c.kind === "first_time") phrases.push(m?.first_at ? `first ${one}: ${formatLocal(m.first_at, env.timeZone, "MMM d, yyyy")}` : `no ${one}`);
      else phrases.push(m?.last_at ? `last ${one}: ${daysAgo(m.last_at, env)}` : `no ${one}`);
    });
    for (const c of conditions) {
      if (c.kind !== "attribute") continue;
      if (c.attribute === "tier") phrases.push(`tier: ${member.tier ?? "none"}`);
      else if (c.attribute === "pass_status") phrases.push(`pass: ${member.passStatus.replace("_", " ")}`);
      else if (c.attribute === "points_balance") phrases.push(`points: ${formatCount(member.pointsBalance)}`);
      else if (c.attribute === "visit_count") phrases.push(`visits: ${formatCount(member.visitCount)}`);
      else if (c.attribute === "lifetime_spend") phrases.push(`lifetime spend: ${money(member.lifetimeSpend)}`);
      else phrases.push(`customer since: ${formatLocal(member.createdAt, env.timeZone, "MMM d, yyyy")}`);
    }
    out.set(member.id, [...new Set(phrases)]);
  }
  return out;
}
