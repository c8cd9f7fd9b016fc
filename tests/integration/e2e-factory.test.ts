// The Playwright factories' merchants (lib/seed/factory.ts): two at once share nothing, their
// users sign in with the shared demo password, their key is theirs, and the demo data is untouched.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/options";
import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { db } from "@/lib/db";
import { createFactoryMerchant } from "@/lib/seed/factory";

describe("E2E factory merchants", () => {
  it("are separate merchants with their own users, key, customers and history", async () => {
    const url = process.env.DATABASE_URL as string;
    const [a, b] = await Promise.all([createFactoryMerchant(url, { label: "Spec A", customers: 30, events: 600 }), createFactoryMerchant(url, { label: "spec-b", customers: 20, events: 300 })]);
    expect(a.id).not.toBe(b.id);
    expect(a.name).toMatch(/^Spec A [0-9a-f]{8}$/);
    expect(a.users.manager.email).toMatch(/^manager-spec-a-[0-9a-f]{8}@factory\.test$/);
    for (const m of [a, b]) {
      const customers = await db.customer.count({ where: { merchantId: m.id } });
      expect(customers).toBe(m.customers);
      expect(await db.event.count({ where: { merchantId: m.id } })).toBe(m.events);
      expect(await db.user.findMany({ where: { merchantId: m.id }, select: { role: true }, orderBy: { role: "asc" } })).toEqual([{ role: "owner" }, { role: "manager" }, { role: "staff" }]);
      expect(await db.location.count({ where: { merchantId: m.id } })).toBe(3);
    }
    expect(await authenticate({ email: a.users.staff.email, password: a.password })).toMatchObject({ id: expect.any(String) });
    const caller = await authenticateApiKey(new Request("http://localhost/api/v1/events", { headers: { authorization: `Bearer ${b.apiKey}` } }));
    expect(caller.scope.merchantId).toBe(b.id);
  });
});
