import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { apiKeyPrefix, generateApiKeySecret, hashApiKey } from "@/lib/auth/api-key-secret";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export const newApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key, e.g. “Front till”").max(80, "Keep the name under 80 characters"),
  rateLimitPerSecond: z.coerce
    .number({ error: "Enter a whole number of requests per second" })
    .int("Enter a whole number of requests per second")
    .min(1, "Allow at least 1 request per second")
    .max(10_000, "At most 10,000 requests per second")
    .default(100),
});
export type NewApiKey = z.input<typeof newApiKeySchema>;

const apiKeySelect = { id: true, name: true, prefix: true, rateLimitPerSecond: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  rateLimitPerSecond: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function actorOf(context: MerchantContext) {
  return { merchantId: context.merchantId, userId: context.user.id, label: context.user.name };
}

/**
 * Creates a key and returns its secret, the only time it exists outside the caller: the row keeps
 * just the SHA-256 and the prefix.
 */
export async function createApiKey(context: MerchantContext, input: NewApiKey): Promise<{ key: ApiKeySummary; secret: string }> {
  const data = newApiKeySchema.parse(input);
  const secret = generateApiKeySecret();
  const key = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        merchantId: context.merchantId,
        name: data.name,
        prefix: apiKeyPrefix(secret),
        hash: hashApiKey(secret),
        rateLimitPerSecond: data.rateLimitPerSecond,
        createdById: context.user.id,
      },
      select: apiKeySelect,
    });
    await writeAudit(actorOf(context), { action: "api_key.created", targetType: "api_key", targetId: created.id, details: { name: created.name, prefix: created.prefix } }, tx);
    return created;
  });
  return { key, secret };
}

/** Live keys first, newest first within each group. */
export async function listApiKeys(context: MerchantContext): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    where: { merchantId: context.merchantId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: apiKeySelect,
  });
}

/** Revokes a key of the caller's merchant; another merchant's key id is simply not found. */
export async function revokeApiKey(context: MerchantContext, input: { id: string }): Promise<ApiKeySummary> {
  const id = z.uuid().safeParse(input.id);
  if (!id.success) throw notFound("That API key");
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: id.data, merchantId: context.merchantId }, select: apiKeySelect });
    if (!key) throw notFound("That API key");
    if (key.revokedAt) throw new AppError("conflict", `“${key.name}” is already revoked.`);
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: apiKeySelect });
    await writeAudit(actorOf(context), { action: "api_key.revoked", targetType: "api_key", targetId: key.id, details: { name: key.name, prefix: key.prefix } }, tx);
    return revoked;
  });
}
