import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage";
import { hashApiKey } from "@/lib/auth/api-key-secret";
import { ZodError } from "zod";
import { getLoyaltySettings, loyaltySettingsSchema, previewLoyaltySettings, saveLoyaltySettings } from "@/lib/loyalty/settings";
import { createContext } from "../support/factories";

describe("API keys", () => {
  it("shows the secret once, stores only its hash and prefix, and lists by prefix", async () => {
    const context = await createContext("owner");
    const { key, secret } = await createApiKey(context, { name: "Front till", rateLimitPerSecond: "25" });
    expect(secret).toMatch(/^pc_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({ name: "Front till", prefix: secret.slice(0, 16), rateLimitPerSecond: 25, revokedAt: null });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await listApiKeys(context);
    expect(listed.map((k) => k.id)).toEqual([key.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(await db.auditLog.count({ where: { merchantId: context.merchantId, action: "api_key.created", targetId: key.id } })).toBe(1);
  });

  it("revokes within the merchant only; another merchant's key id is not found", async () => {
    const a = await createContext("owner");
    const b = await createContext("owner");
    const { key } = await createApiKey(a, { name: "POS" });
    expect(key.rateLimitPerSecond).toBe(100);
    await expect(revokeApiKey(b, { id: key.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiKey(b, { id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listApiKeys(b)).toEqual([]);
    expect((await revokeApiKey(a, { id: key.id })).revokedAt).toBeInstanceOf(Date);
    await expect(revokeApiKey(a, { id: key.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditLog.count({ where: { merchantId: a.merchantId, action: "api_key.revoked" } })).toBe(1);
    expect(await db.auditLog.count({ where: { merchantId: b.merchantId } })).toBe(0);
  });

  it("validates the name and rate limit", async () => {
    const context = await createContext("owner");
    await expect(createApiKey(context, { name: "  " })).rejects.toThrow();
    await expect(createApiKey(context, { name: "x", rateLimitPerSecond: 0 })).rejects.toThrow();
  });
});

describe("loyalty settings", () => {
  it("saves the points rule and tiers, recomputes every customer's tier, and audits it", async () => {
    const context = await createContext("owner");
    const m = context.merchantId;
    expect(await getLoyaltySettings(context)).toEqual({ pointsPerCurrency: "1", tiers: [{ name: "Silver", minSpend: "500" }, { name: "Gold", minSpend: "1500" }], maxPurchaseAmount: null });
    const mk = (spend: string, tier: string | null) => db.customer.create({ data: { merchantId: m, passSerial: `S-${Math.random()}`, pass: { create: { lifetimeSpend: spend, tier } } } });
    const low = await mk("99.99", null);
    const mid = await mk("500.00", "Silver");
    const high = await mk("1600.00", "Gold");
    const other = await createContext("owner");
    const foreign = await db.customer.create({ data: { merchantId: other.merchantId, passSerial: "F-1", pass: { create: { lifetimeSpend: "2000", tier: "Gold" } } } });

    const next = {
      pointsPerCurrency: "2.5",
      tiers: [{ name: "Bronze", minSpend: "100" }, { name: "Silver", minSpend: "400" }, { name: "Platinum", minSpend: "1000" }],
      maxPurchaseAmount: "750",
    };
    // The owner is told before saving how many customers will move.
    expect(await previewLoyaltySettings(context, next)).toEqual({ tiersChanged: 1 });
    const { settings, tiersChanged } = await saveLoyaltySettings(context, next);
    expect(settings.maxPurchaseAmount).toBe("750.00");
    expect(settings.tiers.map((t) => t.name)).toEqual(["Bronze", "Silver", "Platinum"]);
    expect(tiersChanged).toBe(1); // only the 1,600 customer: Gold → Platinum
    const tierOf = async (id: string) => (await db.customerPass.findFirstOrThrow({ where: { customerId: id } })).tier;
    expect([await tierOf(low.id), await tierOf(mid.id), await tierOf(high.id)]).toEqual([null, "Silver", "Platinum"]);
    expect(await tierOf(foreign.id)).toBe("Gold");
    const merchant = await db.merchant.findUniqueOrThrow({ where: { id: m } });
    expect(merchant.pointsPerCurrency.toString()).toBe("2.5");
    const audit = await db.auditLog.findFirstOrThrow({ where: { merchantId: m, action: "loyalty.updated" } });
    expect(audit.details).toMatchObject({ tiersChanged: 1, to: { pointsPerCurrency: "2.5" } });

    // Removing every tier clears them.
    expect((await saveLoyaltySettings(context, { pointsPerCurrency: "1", tiers: [] })).tiersChanged).toBe(2);
  });

  it("refuses bad input", async () => {
    const context = await createContext("owner");
    await expect(saveLoyaltySettings(context, { pointsPerCurrency: "-1", tiers: [] })).rejects.toThrow();
    await expect(saveLoyaltySettings(context, { pointsPerCurrency: "1", tiers: [{ name: "A", minSpend: "10" }, { name: "a", minSpend: "20" }] })).rejects.toThrow("different");
    await expect(saveLoyaltySettings(context, { pointsPerCurrency: "1", tiers: [{ name: "A", minSpend: "10" }, { name: "B", minSpend: "10.00" }] })).rejects.toThrow("each tier starts above");
  });

  it("names the field of every mistake and never throws anything else", async () => {
    const context = await createContext("owner");
    const paths = async (input: Parameters<typeof saveLoyaltySettings>[1]) => {
      const parsed = loyaltySettingsSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      await expect(saveLoyaltySettings(context, input)).rejects.toBeInstanceOf(ZodError);
      return parsed.error?.issues.map((i) => i.path.join(".")).sort();
    };
    // Gold below Silver: refused at Gold's threshold, not saved in another order.
    expect(await paths({ pointsPerCurrency: "1", tiers: [{ name: "Silver", minSpend: "500" }, { name: "Gold", minSpend: "227" }] })).toEqual(["tiers.1.minSpend"]);
    expect(await paths({ pointsPerCurrency: "0", tiers: [] })).toEqual(["pointsPerCurrency"]);
    expect(await paths({ pointsPerCurrency: "1001", tiers: [] })).toEqual(["pointsPerCurrency"]);
    expect(await paths({ pointsPerCurrency: "abc", tiers: [{ name: "Silver", minSpend: "abc" }] })).toEqual(["pointsPerCurrency", "tiers.0.minSpend"]);
    expect(await paths({ pointsPerCurrency: "1", tiers: [{ name: "Gold", minSpend: "1" }, { name: "gold", minSpend: "2" }] })).toEqual(["tiers.1.name"]);
    expect(await paths({ pointsPerCurrency: "1", tiers: [], maxPurchaseAmount: "lots" })).toEqual(["maxPurchaseAmount"]);
    expect(await getLoyaltySettings(context)).toMatchObject({ pointsPerCurrency: "1" });
  });
});
