import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchCustomers, getCustomerHit, escapeLike } from "@/lib/customers/search";
import { createCustomer } from "@/lib/customers/create";
import { suppressionHash } from "@/lib/customers/suppression";
import { createContext } from "../support/factories";

const ids = async (context: Awaited<ReturnType<typeof createContext>>, q: string) => (await searchCustomers(context, q)).hits.map((c) => c.id);

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
    expect(await ids(context, "ada")).toEqual([adam.id, ada.id]);
    expect(await ids(context, "hopper")).toEqual([grace.id]);
    expect(await ids(context, "7946")).toEqual([grace.id]);
    // Under 3 characters (no trigrams): searched among the most recently seen customers.
    expect(await ids(context, "gR")).toEqual([grace.id]);
    expect(await ids(context, grace.passSerial.slice(3))).toEqual([grace.id]);
    expect((await searchCustomers(context, "   ")).hits).toEqual([]);
  });

  it("ranks an exact serial, external id or email first and marks it exact", async () => {
    const { context, ada, adam } = await seedShop();
    // "…ADA" is also a fragment of "…ADAM", who was seen more recently; the exact serial is the
    // whole answer (typed in lower case too), so a scan opens Ada at once.
    const { hits: bySerial } = await searchCustomers(context, ada.passSerial.toLowerCase());
    expect(bySerial.map((c) => [c.id, c.exact])).toEqual([[ada.id, true]]);
    expect(await ids(context, ada.passSerial.slice(0, -1))).toEqual([adam.id, ada.id]);
    const { hits: byExternal } = await searchCustomers(context, ada.externalId ?? "");
    expect(byExternal[0]).toMatchObject({ id: ada.id, exact: true });
    const { hits: byEmail } = await searchCustomers(context, "ADA@example.com");
    expect(byEmail[0]).toMatchObject({ id: ada.id, exact: true, lifetimeSpend: "0.00" });
  });

  it("treats % and _ literally", async () => {
    const { context, grace } = await seedShop();
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(await ids(context, "e_h@")).toEqual([grace.id]);
    expect(await ids(context, "%")).toEqual([]);
  });

  it("never returns another merchant's customers", async () => {
    const a = await seedShop();
    const b = await seedShop();
    expect(await ids(b.context, a.ada.passSerial)).toEqual([]);
    expect(await ids(b.context, "Lovelace")).toEqual([b.ada.id]);
    expect(await getCustomerHit(b.context, a.ada.id)).toBeNull();
    expect(await getCustomerHit(b.context, "not-a-uuid")).toBeNull();
    expect((await getCustomerHit(a.context, a.ada.id))?.passSerial).toBe(a.ada.passSerial);
  });
});

describe("searchCustomers: words, accents, phones, ranking", () => {
  async function people() {
    const context = await createContext("staff");
    const m = context.merchantId;
    const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
    const add = (name: string, minutesAgo: number, phone: string | null = null) =>
      db.customer.create({ data: { merchantId: m, name, phone, passSerial: `BB-${tag}${name.length}${minutesAgo}`, pass: { create: { lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) } } } });
    return {
      context,
      jose: await add("José Hernández", 50, "+12125550570"),
      martin: await add("Martín Brown", 40),
      omar: await add("Omar Khan", 1),
      bjorn: await add("Björn Baker", 30),
      zoe: await add("Zoë Williams", 20),
      obrien: await add("Siobhán O'Brien", 10, "+447700900123"),
    };
  }

  it("matches every word in any order, ignoring accents and case", async () => {
    const p = await people();
    expect(await ids(p.context, "jose hernandez")).toEqual([p.jose.id]);
    expect(await ids(p.context, "HERNANDEZ josé")).toEqual([p.jose.id]);
    expect(await ids(p.context, "martin brown")).toEqual([p.martin.id]);
    expect(await ids(p.context, "bjorn baker")).toEqual([p.bjorn.id]);
    expect(await ids(p.context, "zoe williams")).toEqual([p.zoe.id]);
    expect(await ids(p.context, "obrien")).toEqual([p.obrien.id]);
    expect(await ids(p.context, "jose brown")).toEqual([]);
  });

  it("finds a phone however it is typed", async () => {
    const p = await people();
    for (const q of ["+12125550570", "2125550570", "555 0570", "(212) 555-0570", "+1 212 555 0570"]) {
      expect(await ids(p.context, q), q).toEqual([p.jose.id]);
    }
    expect(await ids(p.context, "07700 900123")).toEqual([p.obrien.id]);
    // A whole E.164 number is an exact match: a scan-like direct pick.
    expect((await searchCustomers(p.context, "+1 212 555 0570")).hits[0]?.exact).toBe(true);
  });

  it("ranks word-start matches first and counts all matches", async () => {
    const p = await people();
    // Omar was seen most recently, but "mar" starts a word of Martín's name only.
    expect(await ids(p.context, "mar")).toEqual([p.martin.id, p.omar.id]);
    const few = await searchCustomers(p.context, "a", 2);
    expect(few.hits).toHaveLength(2);
    expect(few.total).toBeGreaterThan(2);
    expect(few.totalIsCapped).toBe(false);
    expect((await searchCustomers(p.context, "hernandez")).total).toBe(1);
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

  it("stores the phone in E.164 and follows the merchant's pass serial format", async () => {
    const context = await createContext("staff");
    await db.merchant.update({ where: { id: context.merchantId }, data: { passSerialPrefix: "BB", passSerialLength: 8 } });
    const customer = await createCustomer(context, { name: "Dana", phone: "(212) 555-0570" });
    expect(customer.phone).toBe("+12125550570");
    expect(customer.passSerial).toMatch(/^BB-[A-Z2-9]{8}$/);
    expect((await searchCustomers(context, "212 555 0570")).hits.map((h) => h.id)).toEqual([customer.id]);
    await expect(createCustomer(context, { name: "X", phone: "12345" })).rejects.toMatchObject({ code: "validation_error", path: "phone" });
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
