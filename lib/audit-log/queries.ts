import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { localDateStart } from "@/lib/customers/display";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_CAP, type Paged } from "@/lib/paging";
import { auditLogSchema } from "./params";

export interface AuditLogRow {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  /**
   * The target's name looked up now (entries keep ids, not personal details): a customer's name
   * (or pass serial), a member's, location's, segment's, reward's or API key's name; null when
   * the target no longer exists.
   */
  targetName: string | null;
  /** The customer the entry is about (its target, or the event's customer), named now; null name once deleted. */
  customer: { id: string; name: string | null } | null;
}

/** The merchant's audit log, newest first, filtered by action, actor and local date range. */
export async function listAuditLog(context: MerchantContext, input: unknown): Promise<Paged<AuditLogRow>> {
  const params = auditLogSchema.parse(input);
  const tz = context.merchant.timeZone;
  const createdAt: Prisma.DateTimeFilter = {};
  const from = params.from ? localDateStart(params.from, tz) : null;
  const to = params.to ? localDateStart(params.to, tz, 1) : null;
  if (from) createdAt.gte = from;
  if (to) createdAt.lt = to;
  const where: Prisma.AuditLogWhereInput = {
    merchantId: context.merchantId,
    ...(params.action ? { action: params.action } : {}),
    ...(params.actor ? { OR: [{ actorUserId: params.actor }, { actorApiKeyId: params.actor }] } : {}),
    ...(from || to ? { createdAt } : {}),
  };
  const skip = (params.page - 1) * params.pageSize;
  const [data, count] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: params.pageSize,
      select: { id: true, createdAt: true, actorLabel: true, action: true, targetType: true, targetId: true, details: true },
    }),
    db.auditLog.count({ where, take: COUNT_CAP + 1 }),
  ]);
  return { data: await withTargetNames(context, data), count: Math.min(count, COUNT_CAP), page: params.page, pageSize: params.pageSize, countIsCapped: count > COUNT_CAP };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const customerIdOf = (r: Omit<AuditLogRow, "targetName" | "customer">): string | null => {
  if (r.targetType === "customer") return r.targetId && UUID.test(r.targetId) ? r.targetId : null;
  const id = r.details && typeof r.details === "object" ? (r.details as Record<string, unknown>).customerId : null;
  return typeof id === "string" && UUID.test(id) ? id : null;
};

/** One query per target kind for the whole page, scoped to the merchant. */
async function withTargetNames(context: MerchantContext, rows: Omit<AuditLogRow, "targetName" | "customer">[]): Promise<AuditLogRow[]> {
  const ids = (type: string) => [...new Set(rows.flatMap((r) => (r.targetType === type && r.targetId && UUID.test(r.targetId) ? [r.targetId] : [])))];
  const customerIds = [...new Set(rows.flatMap((r) => customerIdOf(r) ?? []))];
  const { merchantId } = context;
  const named = async (type: string, find: (ids: string[]) => Promise<{ id: string; name: string }[]>) => {
    const wanted = ids(type);
    return wanted.length ? (await find(wanted)).map((row) => [`${type}:${row.id}`, row.name] as const) : [];
  };
  const [customers, ...others] = await Promise.all([
    customerIds.length ? db.customer.findMany({ where: { merchantId, id: { in: customerIds } }, select: { id: true, name: true, passSerial: true } }) : [],
    named("user", (id) => db.user.findMany({ where: { merchantId, id: { in: id } }, select: { id: true, name: true } })),
    named("location", (id) => db.location.findMany({ where: { merchantId, id: { in: id } }, select: { id: true, name: true } })),
    named("segment", (id) => db.segment.findMany({ where: { merchantId, id: { in: id } }, select: { id: true, name: true } })),
    named("reward", (id) => db.reward.findMany({ where: { merchantId, id: { in: id } }, select: { id: true, name: true } })),
    named("api_key", (id) => db.apiKey.findMany({ where: { merchantId, id: { in: id } }, select: { id: true, name: true } })),
  ]);
  const customerNames = new Map(customers.map((c) => [c.id, c.name ?? c.passSerial] as const));
  const names = new Map<string, string>([...customers.map((c) => [`customer:${c.id}`, c.name ?? c.passSerial] as const), ...others.flat()]);
  return rows.map((r) => {
    const customerId = customerIdOf(r);
    return {
      ...r,
      targetName: names.get(`${r.targetType}:${r.targetId}`) ?? null,
      customer: customerId ? { id: customerId, name: customerNames.get(customerId) ?? null } : null,
    };
  });
}

/** Filter choices: the actions this merchant's log holds and the people and keys who acted. */
export async function auditLogFilterOptions(context: MerchantContext) {
  const [actions, users, keys] = await Promise.all([
    db.auditLog.findMany({ where: { merchantId: context.merchantId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.user.findMany({ where: { merchantId: context.merchantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.apiKey.findMany({ where: { merchantId: context.merchantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    actors: [...users.map((u) => ({ id: u.id, label: u.name })), ...keys.map((k) => ({ id: k.id, label: `API key · ${k.name}` }))],
  };
}
