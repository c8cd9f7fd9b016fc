// Test data through the real database: each test makes its own merchant with random names, so
// tests never need a global reset and never see each other's rows.
import { randomUUID } from "node:crypto";
import type { MerchantContext } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

export async function createMerchant(overrides: { name?: string; timeZone?: string; currency?: string } = {}) {
  return db.merchant.create({
    data: {
      name: overrides.name ?? `Test shop ${randomUUID().slice(0, 8)}`,
      timeZone: overrides.timeZone ?? "America/New_York",
      currency: overrides.currency ?? "USD",
    },
  });
}

export async function createUser(merchantId: string, role: Role = "owner", overrides: { email?: string; name?: string } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      merchantId,
      role,
      name: overrides.name ?? `${role} ${randomUUID().slice(0, 6)}`,
      email: overrides.email ?? `${role}-${randomUUID()}@test.example`,
      passwordHash: await cachedHash,
    },
  });
}

/** A merchant with one user of the given role, as the context lib functions receive. */
export async function createContext(role: Role = "owner", merchantOverrides = {}): Promise<MerchantContext> {
  const merchant = await createMerchant(merchantOverrides);
  const user = await createUser(merchant.id, role);
  return {
    merchantId: merchant.id,
    merchant: { id: merchant.id, name: merchant.name, timeZone: merchant.timeZone, currency: merchant.currency },
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
  };
}
