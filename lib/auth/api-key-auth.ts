import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { API_KEY_PREFIX_LENGTH, apiKeyPrefix, hashApiKey } from "./api-key-secret";
import type { MerchantScope } from "./session";

export interface ApiKeyCaller {
  scope: MerchantScope;
  apiKey: { id: string; name: string; rateLimitPerSecond: number };
}

// Keys are `pc_live_…` / `pc_demo_…`; anything else is refused before touching the database.
const KEY_FORMAT = /^pc_[A-Za-z0-9_]+$/;
const MAX_KEY_LENGTH = 200;
/** last_used_at is informational ("used 3 minutes ago"), so one write a minute per key is plenty. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message);

/** The secret from `Authorization: Bearer <key>`, or null when absent or not a bearer token. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Resolves the merchant an API request runs for from its key. The merchant id comes only from
 * the key row, never from the request. Missing, malformed, unknown and revoked keys all throw
 * UNAUTHENTICATED (401).
 */
export async function authenticateApiKey(request: Request): Promise<ApiKeyCaller> {
  if (!request.headers.get("authorization")) {
    throw unauthenticated("Send your API key as `Authorization: Bearer <key>`.");
  }
  const secret = bearerToken(request);
  if (!secret || secret.length <= API_KEY_PREFIX_LENGTH || secret.length > MAX_KEY_LENGTH || !KEY_FORMAT.test(secret)) {
    throw unauthenticated("The Authorization header is not a valid API key. Expected `Bearer pc_…`.");
  }

  const row = await db.apiKey.findUnique({
    where: { prefix: apiKeyPrefix(secret) },
    select: {
      id: true, name: true, hash: true, rateLimitPerSecond: true, lastUsedAt: true, revokedAt: true,
      merchant: { select: { id: true, name: true, timeZone: true, currency: true } },
    },
  });
  // Compare hashes in constant time even though they are hashes: it costs nothing and leaves
  // nothing to argue about.
  const given = Buffer.from(hashApiKey(secret), "hex");
  const stored = row ? Buffer.from(row.hash, "hex") : Buffer.alloc(given.length);
  const matches = stored.length === given.length && timingSafeEqual(stored, given);
  if (!row || !matches) throw unauthenticated("This API key is not valid.");
  if (row.revokedAt) throw unauthenticated("This API key has been revoked. Create a new one in Settings → API keys.");

  await touchLastUsed(row.id, row.lastUsedAt);
  return {
    scope: { merchantId: row.merchant.id, merchant: row.merchant },
    apiKey: { id: row.id, name: row.name, rateLimitPerSecond: row.rateLimitPerSecond },
  };
}

async function touchLastUsed(keyId: string, lastUsedAt: Date | null) {
  const now = Date.now();
  const lastWrite = Math.max(lastUsedWrites.get(keyId) ?? 0, lastUsedAt?.getTime() ?? 0);
  if (now - lastWrite < LAST_USED_RESOLUTION_MS) return;
  // Marked before the write so concurrent requests on this instance don't all write.
  lastUsedWrites.set(keyId, now);
  await db.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date(now) }, select: { id: true } });
}
