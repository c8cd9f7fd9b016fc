// Issue #10, points 6–11: input that must get a clear 4xx (never a 500) and must never sink its
// neighbours. Sent over real HTTP to the lean API front (lib/api/server.ts, what `npm start`
// serves /api/v1 with), on the real database; the counter screen's path through recordManualEvent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiPath, serveApiRequest } from "@/lib/api/server";
import { db } from "@/lib/db";
import { encodeEventCursor } from "@/lib/events/list";
import { recordManualEvent } from "@/lib/events/manual";
import { recordEvents } from "@/lib/events/record";
import { createApiKey } from "../support/api-keys";
import { createContext, createMerchant } from "../support/factories";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (isApiPath(req.url ?? "/")) void serveApiRequest(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Body = Record<string, unknown> & { error?: { code: string; path?: string; message: string }; results?: { status: string; error?: { path?: string } }[] };

async function shop() {
  const merchant = await createMerchant();
  const { secret } = await createApiKey(merchant.id, { rateLimitPerSecond: 10_000 });
  const serial = `H-${crypto.randomUUID().slice(0, 8)}`;
  const customer = await db.customer.create({ data: { merchantId: merchant.id, name: "Hal", passSerial: serial, pass: { create: {} } } });
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { method, body, headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...headers } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
  };
  const post = (event: unknown, headers: Record<string, string> = {}) => call("POST", "/api/v1/events", typeof event === "string" ? event : JSON.stringify(event), headers);
  return { merchant, customer, serial, call, post, ref: { passSerial: serial } };
}

/** JSON text nested `depth` levels deep (built as text: JSON.stringify itself recurses). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

describe("#10.6 amounts whose points or totals cannot be stored", () => {
  it("refuses a purchase too large for its columns with a 422 naming amount, and the pass keeps working", async () => {
    const { post, ref, customer } = await shop();
    for (const amount of ["2147483647", "9999999999.99", 1e12]) {
      const answer = await post({ type: "purchase", customer: ref, amount });
      expect(answer, `amount ${amount}`).toMatchObject({ status: 422, body: { error: { code: "validation_error", path: "amount" } } });
    }
    const biggest = await post({ type: "purchase", customer: ref, amount: "999999.99" });
    expect(biggest.status).toBe(201);
    // Every later event of this customer still records: no accepted event made the pass unusable.
    const after = await post({ type: "purchase", customer: ref, amount: "10.00" }, { "Idempotency-Key": `after-${customer.id}` });
    expect(after.status).toBe(201);
    const retry = await post({ type: "purchase", customer: ref, amount: "10.00" }, { "Idempotency-Key": `after-${customer.id}` });
    expect(retry.status).toBe(200);
  });

  it("refuses the event that would take a pass balance past int4, not every event after it", async () => {
    const { post, ref, customer } = await shop();
    await db.customerPass.update({ where: { merchantId_customerId: { merchantId: customer.merchantId, customerId: customer.id } }, data: { pointsBalance: 2_147_000_000 } });
    expect(await post({ type: "purchase", customer: ref, amount: "999999.99" })).toMatchObject({ status: 422, body: { error: { path: "amount" } } });
    expect((await post({ type: "visit", customer: ref })).status).toBe(201);
  });
});

describe("#10.7 NUL, lone surrogates and deep nesting", () => {
  it("answers 422 with the path, and a retry with the same key answers the same (never 500)", async () => {
    const { post, ref } = await shop();
    const cases: [unknown, string][] = [
      [{ type: "visit", customer: { passSerial: "abc\u0000" } }, "customer.passSerial"],
      [{ type: "visit", customer: { passSerial: "NEW-1", name: "A\u0000B" }, createCustomer: true }, "customer.name"],
      [{ type: "visit", customer: ref, data: { note: "x\u0000" } }, "data.note"],
      [{ type: "visit", customer: ref, data: { ["k\u0000"]: 1 } }, "data"],
      [{ type: "visit", customer: ref, data: { note: "\ud800" } }, "data.note"],
      [{ type: "visit", customer: ref, idempotencyKey: "key\u0000" }, "idempotencyKey"],
      [`{"type":"visit","customer":${JSON.stringify(ref)},"data":${nested(5000)}}`, "data"],
      [`{"type":"visit","customer":${JSON.stringify(ref)},"extra":${nested(5000)}}`, "extra"],
    ];
    for (const [event, path] of cases) {
      const first = await post(event, { "Idempotency-Key": "same-key" });
      expect(first.status, JSON.stringify(first.body).slice(0, 200)).toBe(422);
      expect(first.body.error?.code).toBe("validation_error");
      expect(first.body.error?.path?.startsWith(path), `${first.body.error?.path} starts with ${path}`).toBe(true);
      expect((await post(event, { "Idempotency-Key": "same-key" })).status).toBe(422);
    }
  });

  it("records the valid events of [valid, NUL, valid] and reports the NUL one at its index", async () => {
    const { post, ref, customer } = await shop();
    const answer = await post({ events: [{ type: "visit", customer: ref }, { type: "visit", customer: { passSerial: "x\u0000" } }, { type: "visit", customer: ref }] });
    expect(answer.status).toBe(200);
    expect(answer.body.results?.map((r) => r.status)).toEqual(["created", "error", "created"]);
    expect(answer.body.results?.[1]?.error?.path).toBe("events[1].customer.passSerial");
    expect(await db.event.count({ where: { customerId: customer.id } })).toBe(2);
  });

  it("answers 422 for NUL in the lookup and list query strings", async () => {
    const { call } = await shop();
    expect(await call("GET", "/api/v1/customers/lookup?passSerial=abc%00")).toMatchObject({ status: 422, body: { error: { path: "passSerial" } } });
    expect(await call("GET", "/api/v1/events?customer=abc%00")).toMatchObject({ status: 422, body: { error: { path: "customer" } } });
  });
});

describe("#10.8 a crafted cursor", () => {
  it("answers 422 invalid_cursor for a huge timestamp inside", async () => {
    const { call } = await shop();
    const id = "0190a000-0000-7000-8000-000000000000";
    for (const cursor of [Buffer.from(`999999999999999.${id}`).toString("base64url"), encodeEventCursor({ occurredAt: new Date(8.64e15), id })]) {
      expect(await call("GET", `/api/v1/events?cursor=${cursor}`)).toMatchObject({ status: 422, body: { error: { code: "invalid_cursor" } } });
    }
  });
});

describe("#10.9 the counter screen and negative amounts", () => {
  it("refuses -5 and −12.50 (Unicode minus) with a message, recording nothing", async () => {
    const context = await createContext("staff");
    const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Neg", passSerial: `N-${crypto.randomUUID().slice(0, 8)}`, pass: { create: {} } } });
    for (const amount of ["-5", "\u221212.50", "$-3"]) {
      const result = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount, confirmDuplicate: true });
      expect(result, amount).toMatchObject({ status: "error", error: { path: "amount" } });
    }
    expect(await db.event.count({ where: { customerId: customer.id } })).toBe(0);
    expect((await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "$12,50" })).status).toBe("created");
  });
});

describe("#10.10 a check-out duration cannot be forged", () => {
  it("refuses data.durationMinutes from input; the write path derives it from the open check-in", async () => {
    const { post, ref } = await shop();
    expect(await post({ type: "check_out", customer: ref, data: { durationMinutes: 999999 } })).toMatchObject({ status: 422, body: { error: { path: "data.durationMinutes" } } });
    const checkIn = new Date(Date.now() - 90 * 60_000).toISOString();
    expect((await post({ type: "check_in", customer: ref, occurredAt: checkIn })).status).toBe(201);
    const out = await post({ type: "check_out", customer: ref });
    expect(out).toMatchObject({ status: 201, body: { event: { data: { durationMinutes: 90 } } } });
  });
});

describe("#10.11 strict types and a byte-sized data limit", () => {
  it("refuses true, \"1e3\" and [] as whole numbers; keeps 100 and \"100\"", async () => {
    const { post, ref } = await shop();
    await post({ type: "purchase", customer: ref, amount: "500" });
    for (const pointsCost of [true, "1e3", [], "", "0x10", 1.5]) {
      expect(await post({ type: "redemption", customer: ref, data: { reward: "Coffee", pointsCost } }), JSON.stringify(pointsCost)).toMatchObject({ status: 422, body: { error: { path: "data.pointsCost" } } });
    }
    expect(await post({ type: "purchase", customer: ref, amount: "1", data: { items: [] } })).toMatchObject({ status: 422, body: { error: { path: "data.items" } } });
    expect((await post({ type: "redemption", customer: ref, data: { reward: "Coffee", pointsCost: 100 } })).status).toBe(201);
    expect((await post({ type: "redemption", customer: ref, data: { reward: "Coffee", pointsCost: "100" } })).status).toBe(201);
  });

  it("counts the 8 KB data limit in UTF-8 bytes (3,000 emoji = 12 KB is refused)", async () => {
    const { post, ref } = await shop();
    expect(await post({ type: "visit", customer: ref, data: { note: "😀".repeat(3000) } })).toMatchObject({ status: 422, body: { error: { path: "data" } } });
    expect((await post({ type: "visit", customer: ref, data: { note: "😀".repeat(1500) } })).status).toBe(201);
  });

  it("lets recordEvents callers (imports) get the same answers", async () => {
    const context = await createContext("owner");
    const [result] = await recordEvents(context, [{ type: "visit", customer: { passSerial: "z\u0000" } }], { kind: "import", importId: "00000000-0000-7000-8000-000000000001", label: "test" });
    expect(result).toMatchObject({ status: "error", error: { code: "validation_error", path: "customer.passSerial" } });
  });
});

describe("#10.7 the same characters in forms, searches and server actions", () => {
  it("answers a validation message, never an internal error", async () => {
    const context = await createContext("owner");
    const { newCustomerSchema } = await import("@/lib/customers/create");
    const { contactSchema } = await import("@/lib/customers/edit");
    const { voidEventSchema } = await import("@/lib/events/void");
    const { newMemberSchema } = await import("@/lib/team/members");
    const { searchCustomers } = await import("@/lib/customers/search");
    const { parseCustomerListParams, unusableFilter } = await import("@/lib/customers/list-params");
    // The server actions validate with these schemas before any lib code runs.
    expect(newCustomerSchema.safeParse({ name: "Ann\u0000" }).error?.issues[0]?.path).toEqual(["name"]);
    expect(contactSchema.safeParse({ customerId: crypto.randomUUID(), name: null, email: null, phone: null, externalId: "x\u0000" }).error?.issues[0]?.path).toEqual(["externalId"]);
    expect(voidEventSchema.safeParse({ eventId: crypto.randomUUID(), reason: "typo\u0000" }).error?.issues[0]?.path).toEqual(["reason"]);
    expect(newMemberSchema.safeParse({ name: "Bo\u0000", email: "bo@test.example", role: "staff", password: "long-enough-pw" }).error?.issues[0]?.path).toEqual(["name"]);
    await expect(searchCustomers(context, "a\u0000")).rejects.toMatchObject({ code: "validation_error", path: "q" });
    // The list page drops the unusable search (it still renders); the export refuses it.
    expect(parseCustomerListParams({ q: "abc\u0000" }).q).toBeUndefined();
    expect(unusableFilter({ q: "abc\u0000" })).toBe("q");
    const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Cy", passSerial: `C-${crypto.randomUUID().slice(0, 8)}`, pass: { create: {} } } });
    const result = await recordManualEvent(context, { customerId: customer.id, type: "purchase", amount: "3", data: { orderId: "A\u0000" }, confirmDuplicate: true });
    expect(result).toMatchObject({ status: "error", error: { code: "validation_error", path: "data.orderId" } });
  });
});
