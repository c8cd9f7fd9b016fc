// API keys for tests: a real secret, stored the way the app stores it (prefix + SHA-256).
import { apiKeyPrefix, generateApiKeySecret, hashApiKey } from "@/lib/auth/api-key-secret";
import { db } from "@/lib/db";

export async function createApiKey(merchantId: string, overrides: { name?: string; rateLimitPerSecond?: number; revokedAt?: Date } = {}) {
  const secret = generateApiKeySecret();
  const row = await db.apiKey.create({
    data: {
      merchantId,
      name: overrides.name ?? "Test till",
      prefix: apiKeyPrefix(secret),
      hash: hashApiKey(secret),
      rateLimitPerSecond: overrides.rateLimitPerSecond ?? 100,
      revokedAt: overrides.revokedAt ?? null,
    },
  });
  return { secret, row };
}

export function apiRequest(path: string, secret: string | null, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (secret !== null) headers.authorization = `Bearer ${secret}`;
  return new Request(`http://localhost${path}`, { ...init, headers });
}
