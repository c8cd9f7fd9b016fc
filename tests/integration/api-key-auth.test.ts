import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRequest, createApiKey } from "../support/api-keys";
import { createApiKey as createKeyInSettings, revokeApiKey } from "@/lib/api-keys/manage";
import { createContext, createMerchant } from "../support/factories";

async function refusal(request: Request): Promise<string> {
  try {
    await authenticateApiKey(request);
    return "accepted";
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : `other: ${String(error)}`;
  }
}

describe("authenticateApiKey", () => {
  it("resolves the merchant and key from a valid bearer key", async () => {
    const merchant = await createMerchant();
    const { secret, row } = await createApiKey(merchant.id, { name: "Till 3", rateLimitPerSecond: 7 });
    const caller = await authenticateApiKey(apiRequest("/api/v1/events", secret));
    expect(caller.scope.merchantId).toBe(merchant.id);
    expect(caller.scope.merchant).toMatchObject({ id: merchant.id, name: merchant.name, timeZone: merchant.timeZone });
    expect(caller.apiKey).toEqual({ id: row.id, name: "Till 3", rateLimitPerSecond: 7 });
  });

  it("refuses missing, malformed, unknown and wrong-secret keys with 401", async () => {
    const merchant = await createMerchant();
    const { secret } = await createApiKey(merchant.id);
    expect(await refusal(apiRequest("/x", null))).toBe("401 unauthenticated");
    expect(await refusal(apiRequest("/x", null, { headers: { authorization: `Basic ${secret}` } }))).toBe("401 unauthenticated");
    expect(await refusal(apiRequest("/x", "short"))).toBe("401 unauthenticated");
    expect(await refusal(apiRequest("/x", "pc_live_has spaces and; other things"))).toBe("401 unauthenticated");
    expect(await refusal(apiRequest("/x", "pc_live_unknownunknownunknown"))).toBe("401 unauthenticated");
    // Right prefix (finds the row), wrong remainder: the hash comparison must refuse it.
    const tampered = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(await refusal(apiRequest("/x", tampered))).toBe("401 unauthenticated");
  });

  it("refuses a revoked key from the moment it is revoked", async () => {
    const merchant = await createMerchant();
    const { secret, row } = await createApiKey(merchant.id);
    expect(await refusal(apiRequest("/x", secret))).toBe("accepted");
    await db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect(await refusal(apiRequest("/x", secret))).toBe("401 unauthenticated");
  });

  it("accepts a key made in Settings → API keys and refuses it once revoked there", async () => {
    const owner = await createContext("owner");
    const { key, secret } = await createKeyInSettings(owner, { name: "Front till", rateLimitPerSecond: 25 });
    const caller = await authenticateApiKey(apiRequest("/x", secret));
    expect(caller).toMatchObject({ scope: { merchantId: owner.merchantId }, apiKey: { id: key.id, name: "Front till", rateLimitPerSecond: 25 } });
    await revokeApiKey(owner, { id: key.id });
    expect(await refusal(apiRequest("/x", secret))).toBe("401 unauthenticated");
  });

  it("records last use, but writes it at most once a minute", async () => {
    const merchant = await createMerchant();
    const { secret, row } = await createApiKey(merchant.id);
    await authenticateApiKey(apiRequest("/x", secret));
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await Promise.all(Array.from({ length: 5 }, () => authenticateApiKey(apiRequest("/x", secret))));
    const second = (await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt;
    expect(second?.getTime()).toBe(first?.getTime());
  });
});
