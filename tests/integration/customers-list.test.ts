import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportCustomerRows, listCustomers } from "@/lib/customers/list";
import { NO_TIER } from "@/lib/customers/list-params";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

const NOW = new Date("2025-06-15T16:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function fixture() {
  const context = await createContext("owner", { timeZone: "America/New_York" });
  const specs = [
    { name: "Ada Lovelace", email: "ada@example.com", phone: "+1 555 0100", tier: "Gold", passStatus: "installed" as const, spend: "900.00", visits: 30, points: 50, seen: daysAgo(1) },
    { name: "Bob Stone", email: "bob@example.com", phone: null, tier: "Silver", passStatus: "uninstalled" as const, spend: "550.00", visits: 12, points: 500, seen: daysAgo(20) },
    { name: "Cleo 100% Real", email: null, phone: "+44 20 7946 0000", tier: null, passStatus: "not_installed" as const, spend: "10.00", visits: 1, points: 10, seen: daysAgo(75) },
    { name: null, email: "nameless@example.com", phone: null, tier: null, passStatus: "installed" as const, spend: "0.00", visits: 0, points: 0, seen: null },
  ];
  const ids: string[] = [];
  for (const [i, s] of specs.entries()) {
    const c = await createCustomer(context, { name: s.name, email: s.email, phone: s.phone, tier: s.tier, passStatus: s.passStatus, passSerial: `SER-${i}-XYZ` });
    await db.customer.update({ where: { id: c.id }, data: { pass: { update: { lifetimeSpend: s.spend, visitCount: s.visits, pointsBalance: s.points, lastSeenAt: s.seen } } } });
    ids.push(c.id);
  }
  return { context, ids };
}

const names = (r: { data: { name: string | null }[] }) => r.data.map((c) => c.name);

describe("listCustomers", () => {
  it("sorts by the allowed keys and puts never-seen last by default", async () => {
    const { context } = await fixture();
    expect(names(await listCustomers(context, {}, NOW))).toEqual(["Ada Lovelace", "Bob Stone", "Cleo 100% Real", null]);
    expect(names(await listCustomers(context, { sort: "spend", dir: "asc" }, NOW))).toEqual([null, "Cleo 100% Real", "Bob Stone", "Ada Lovelace"]);
    expect(names(await listCustomers(context, { sort: "points", dir: "desc" }, NOW))[0]).toBe("Bob Stone");
    expect(names(await listCustomers(context, { sort: "name", dir: "asc" }, NOW))).toEqual(["Ada Lovelace", "Bob Stone", "Cleo 100% Real", null]);
    // A sort key outside the allow-list never reaches SQL: refused by the schema, naming the field.
    await expect(listCustomers(context, { sort: "password_hash" }, NOW)).rejects.toMatchObject({ name: "ZodError", issues: [expect.objectContaining({ path: ["sort"] })] });
  });

  it("searches name, email, phone and pass serial, with % and _ taken literally", async () => {
    const { context } = await fixture();
    expect(names(await listCustomers(context, { q: "LOVE" }, NOW))).toEqual(["Ada Lovelace"]);
    expect(names(await listCustomers(context, { q: "bob@ex" }, NOW))).toEqual(["Bob Stone"]);
    expect(names(await listCustomers(context, { q: "7946" }, NOW))).toEqual(["Cleo 100% Real"]);
    expect(names(await listCustomers(context, { q: "SER-3" }, NOW))).toEqual([null]);
    expect(names(await listCustomers(context, { q: "100%" }, NOW))).toEqual(["Cleo 100% Real"]);
    expect((await listCustomers(context, { q: "a_a" }, NOW)).count).toBe(0);
    await expect(listCustomers(context, { q: "ad" }, NOW)).rejects.toMatchObject({ name: "ZodError", issues: [expect.objectContaining({ path: ["q"] })] });
  });

  it("filters by tier, pass status and activity in the merchant's days", async () => {
    const { context } = await fixture();
    expect(names(await listCustomers(context, { tier: "Gold" }, NOW))).toEqual(["Ada Lovelace"]);
    expect(names(await listCustomers(context, { tier: NO_TIER }, NOW))).toEqual(["Cleo 100% Real", null]);
    expect(names(await listCustomers(context, { pass: "not_installed" }, NOW))).toEqual(["Cleo 100% Real"]);
    expect(names(await listCustomers(context, { activity: "seen_7d" }, NOW))).toEqual(["Ada Lovelace"]);
    expect(names(await listCustomers(context, { activity: "seen_30d" }, NOW))).toEqual(["Ada Lovelace", "Bob Stone"]);
    expect(names(await listCustomers(context, { activity: "not_seen_60d" }, NOW))).toEqual(["Cleo 100% Real"]);
    expect(names(await listCustomers(context, { activity: "never" }, NOW))).toEqual([null]);
  });

  it("pages with an exact count and never shows another merchant's customers", async () => {
    const { context } = await fixture();
    const page2 = await listCustomers(context, { pageSize: 3, page: 2 }, NOW);
    expect(page2).toMatchObject({ count: 4, page: 2, pageSize: 3, countIsCapped: false });
    expect(page2.data).toHaveLength(1);
    const other = await createContext("owner");
    expect((await listCustomers(other, {}, NOW)).count).toBe(0);
  });

  it("exports every filtered customer in batches", async () => {
    const { context } = await fixture();
    const batches = [];
    for await (const batch of exportCustomerRows(context, { q: "example.com" }, 2)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
  });
});
