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
   * (or pass serial) or a member's name; null when the target no longer exists.
   */
  targetName: string | null;
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

/** One query per target kind for the whole page, scoped to the merchant. */
async function withTargetNames(context: MerchantContext, rows: Omit<AuditLogRow, "targetName">[]): Promise<AuditLogRow[]> {
  const ids = (type: string) => [...new Set(rows.flatMap((r) => (r.targetType === type && r.targetId && UUID.test(r.targetId) ? [r.targetId] : [])))];
  const customerIds = ids("customer");
  const userIds = ids("user");
  const [customers, users] = await Promise.all([
    customerIds.length ? db.customer.findMany({ where: { merchantId: context.merchantId, id: { in: customerIds } }, select: { id: true, name: true, passSerial: true } }) : [],
    userIds.length ? db.user.findMany({ where: { merchantId: context.merchantId, id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map<string, string>([
    ...customers.map((c) => [`customer:${c.id}`, c.name ?? c.passSerial] as const),
    ...users.map((u) => [`user:${u.id}`, u.name] as const),
  ]);
  return rows.map((r) => ({ ...r, targetName: names.get(`${r.targetType}:${r.targetId}`) ?? null }));
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
