import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { LookupBatcher } from "@/lib/api/lookup-batcher";
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

interface KeyRow {
  id: string;
  name: string;
  hash: string;
  rate_limit_per_second: number;
  last_used_at: Date | null;
  revoked_at: Date | null;
  merchant_id: string;
  merchant_name: string;
  time_zone: string;
  currency: string;
}

// Every API call reads its key. Concurrent requests share one query (key and merchant joined) that
// starts after they arrive, so a revoked key is refused from the moment it is revoked; see
// lib/api/lookup-batcher.ts.
const keyLookups = new LookupBatcher<string, KeyRow>(async (prefixes) => {
  const rows = await db.$queryRaw<(KeyRow & { prefix: string })[]>`
    SELECT k.prefix, k.id::text, k.name, k.hash, k.rate_limit_per_second, k.last_used_at, k.revoked_at,
           m.id::text AS merchant_id, m.name AS merchant_name, m.time_zone, m.currency
    FROM api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.prefix = ANY(${prefixes}::text[])`;
  return new Map(rows.map((row) => [row.prefix, row]));
});

const unauthenticated = (message: string) => new AppError("unauthenticated", message);

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

  const row = await keyLookups.get(apiKeyPrefix(secret));
  // Compare hashes in constant time even though they are hashes: it costs nothing and leaves
  // nothing to argue about.
  const given = Buffer.from(hashApiKey(secret), "hex");
  const stored = row ? Buffer.from(row.hash, "hex") : Buffer.alloc(given.length);
  const matches = stored.length === given.length && timingSafeEqual(stored, given);
  if (!row || !matches) throw unauthenticated("This API key is not valid.");
  if (row.revoked_at) throw unauthenticated("This API key has been revoked. Create a new one in Settings → API keys.");

  await touchLastUsed(row.id, row.last_used_at);
  return {
    scope: { merchantId: row.merchant_id, merchant: { id: row.merchant_id, name: row.merchant_name, timeZone: row.time_zone, currency: row.currency } },
    apiKey: { id: row.id, name: row.name, rateLimitPerSecond: row.rate_limit_per_second },
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
