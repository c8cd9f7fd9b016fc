import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchCustomers, getCustomerHit, escapeLike } from "@/lib/customers/search";
import { createCustomer } from "@/lib/customers/create";
import { suppressionHash } from "@/lib/customers/suppression";
import { createContext } from "../support/factories";

async function seedShop() {
  const context = await createContext("staff");
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const m = context.merchantId;
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
  const ada = await db.customer.create({ data: { merchantId: m, name: "Ada Lovelace", email: "ada@example.com", phone: "+1 555 0100", passSerial: `BB-${tag}ADA`, externalId: `POS-${tag}-1`, pass: { create: { lastSeenAt: minutesAgo(30) } } } });
  const adam = await db.customer.create({ data: { merchantId: m, name: "Adam Smith", email: "adam@example.com", phone: "+1 555 0199", passSerial: `BB-${tag}ADAM`, pass: { create: { lastSeenAt: minutesAgo(5) } } } });
  const grace = await db.customer.create({ data: { merchantId: m, name: "Grace Hopper", email: "grace_h@example.com", phone: "+44 20 7946 0018", passSerial: `BB-${tag}GR`, pass: { create: { lastSeenAt: minutesAgo(60) } } } });
  return { context, tag, ada, adam, grace };
}

describe("searchCustomers", () => {
  it("finds by name fragment, email, phone and serial, most recently seen first", async () => {
    const { context, ada, adam, grace } = await seedShop();
    expect((await searchCustomers(context, "ada")).map((c) => c.id)).toEqual([adam.id, ada.id]);
    expect((await searchCustomers(context, "hopper")).map((c) => c.id)).toEqual([grace.id]);
    expect((await searchCustomers(context, "7946")).map((c) => c.id)).toEqual([grace.id]);
    // Under 3 characters (no trigrams): searched among the most recently seen customers.
    expect((await searchCustomers(context, "gR")).map((c) => c.id)).toEqual([grace.id]);
    expect((await searchCustomers(context, grace.passSerial.slice(3))).map((c) => c.id)).toEqual([grace.id]);
    expect(await searchCustomers(context, "   ")).toEqual([]);
  });

  it("ranks an exact serial, external id or email first and marks it exact", async () => {
    const { context, ada, adam } = await seedShop();
    // "…ADA" is also a fragment of "…ADAM", who was seen more recently; the exact serial wins.
    const bySerial = await searchCustomers(context, ada.passSerial);
    expect(bySerial.map((c) => [c.id, c.exact])).toEqual([[ada.id, true], [adam.id, false]]);
    const byExternal = await searchCustomers(context, ada.externalId ?? "");
    expect(byExternal[0]).toMatchObject({ id: ada.id, exact: true });
    const byEmail = await searchCustomers(context, "ADA@example.com");
    expect(byEmail[0]).toMatchObject({ id: ada.id, exact: true, lifetimeSpend: "0.00" });
  });

  it("treats % and _ literally", async () => {
    const { context, grace } = await seedShop();
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect((await searchCustomers(context, "e_h@")).map((c) => c.id)).toEqual([grace.id]);
    expect(await searchCustomers(context, "%")).toEqual([]);
  });

  it("never returns another merchant's customers", async () => {
    const a = await seedShop();
    const b = await seedShop();
    expect(await searchCustomers(b.context, a.ada.passSerial)).toEqual([]);
    expect((await searchCustomers(b.context, "Lovelace")).map((c) => c.id)).toEqual([b.ada.id]);
    expect(await getCustomerHit(b.context, a.ada.id)).toBeNull();
    expect(await getCustomerHit(b.context, "not-a-uuid")).toBeNull();
    expect((await getCustomerHit(a.context, a.ada.id))?.passSerial).toBe(a.ada.passSerial);
  });
});

describe("createCustomer", () => {
  it("creates a customer with a generated pass serial and audits it", async () => {
    const context = await createContext("staff");
    const customer = await createCustomer(context, { name: "  Neo ", email: "Neo@Example.com", phone: "" });
    expect(customer).toMatchObject({ name: "Neo", email: "neo@example.com", phone: null });
    expect(customer.passSerial).toMatch(/^PC-[A-Z2-9]{10}$/);
    expect(await db.auditLog.count({ where: { merchantId: context.merchantId, action: "customer.created", targetId: customer.id } })).toBe(1);
  });

  it("refuses suppressed identifiers, duplicates by email, and an empty form", async () => {
    const context = await createContext("staff");
    const m = context.merchantId;
    await db.customerSuppression.createMany({
      data: [
        { merchantId: m, kind: "email", identifierHash: suppressionHash(m, "email", "gone@example.com") },
        { merchantId: m, kind: "phone", identifierHash: suppressionHash(m, "phone", "+1 (555) 010-0777") },
      ],
    });
    await expect(createCustomer(context, { name: "X", email: "GONE@example.com" })).rejects.toMatchObject({ code: "conflict", path: "email" });
    await expect(createCustomer(context, { name: "X", phone: "15550100777" })).rejects.toMatchObject({ code: "conflict", path: "phone" });
    await createCustomer(context, { email: "taken@example.com" });
    await expect(createCustomer(context, { email: "Taken@Example.com" })).rejects.toMatchObject({ code: "conflict", path: "email" });
    await expect(createCustomer(context, { name: " " })).rejects.toThrow("Enter a name, email or phone number");
    expect(await db.customer.count({ where: { merchantId: m } })).toBe(1);
  });
});
