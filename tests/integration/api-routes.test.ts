// The POS API route handlers (lib/api/routes.ts, which app/api/v1/** re-export) called with real
// Request objects against the real database. The same behaviour is exercised over HTTP against
// the production server in e2e/api-*.spec.ts, and the lean front's adaptation in api-server.test.ts.
import { describe, expect, it } from "vitest";
import { getCustomerLookup as lookup, getEvents as listEvents, postEvents } from "@/lib/api/routes";
import { db } from "@/lib/db";
import { apiRequest, createApiKey } from "../support/api-keys";
import { createMerchant } from "../support/factories";

type Json = Record<string, unknown> & { error?: { code: string; path?: string } };

async function setup(rateLimitPerSecond = 1000) {
  const merchant = await createMerchant();
  await db.location.create({ data: { merchantId: merchant.id, name: "Downtown" } });
  const { secret, row } = await createApiKey(merchant.id, { rateLimitPerSecond });
  const customer = await db.customer.create({ data: { merchantId: merchant.id, name: "Ada", email: "ada@test.example", passSerial: `T-${crypto.randomUUID().slice(0, 8)}`, pass: { create: {} } } });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await postEvents(apiRequest("/api/v1/events", secret, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers }));
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
  };
  const get = async (handler: (r: Request) => Promise<Response>, path: string) => {
    const response = await handler(apiRequest(path, secret));
    return { status: response.status, body: (await response.json()) as Json };
  };
  return { merchant, secret, key: row, customer, post, get };
}

describe("POST /api/v1/events", () => {
  it("records one event (201), replays its key (200, same id), refuses a changed body (422)", async () => {
    const { customer, post, key } = await setup();
    const event = { type: "purchase", customer: { passSerial: customer.passSerial }, amount: 127.5, location: "downtown", data: { items: 4 } };
    const first = await post(event, { "Idempotency-Key": "receipt-1" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ event: { type: "purchase", amount: "127.50", location: "Downtown", source: "api", idempotencyKey: "receipt-1" }, pass: { pointsBalance: 127, lifetimeSpend: "127.50" } });
    const replay = await post(event, { "Idempotency-Key": "receipt-1" });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((replay.body.event as Json).id).toBe((first.body.event as Json).id);
    const conflict = await post({ ...event, amount: "99.00" }, { "Idempotency-Key": "receipt-1" });
    expect(conflict).toMatchObject({ status: 422, body: { error: { code: "idempotency_conflict" } } });
    const stored = await db.event.findMany({ where: { customerId: customer.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.apiKeyId).toBe(key.id);
  });

  it("answers per-event failures with 422 and the field path", async () => {
    const { customer, post } = await setup();
    expect(await post({ type: "purchase", customer: { passSerial: customer.passSerial } })).toMatchObject({ status: 422, body: { error: { code: "validation_error", path: "amount" } } });
    expect(await post({ type: "visit", customer: { passSerial: "" } })).toMatchObject({ status: 422, body: { error: { code: "validation_error", path: "customer.passSerial" } } });
    expect(await post({ type: "visit", customer: { passSerial: "nobody" } })).toMatchObject({ status: 422, body: { error: { code: "customer_not_found" } } });
    expect(await post({ type: "visit", customer: { passSerial: customer.passSerial }, location: "Mars" })).toMatchObject({ status: 422, body: { error: { code: "unknown_location", path: "location" } } });
    expect(await post("{\"type\": ")).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
  });

  it("records the valid events of a batch and lists the invalid ones in order with paths", async () => {
    const { customer, post } = await setup();
    const ref = { passSerial: customer.passSerial };
    const response = await post({
      events: [
        { type: "visit", customer: ref, idempotencyKey: "b-1" },
        { type: "purchase", customer: ref, amount: "1.234" },
        { type: "visit", customer: { passSerial: "nobody" } },
        { type: "purchase", customer: ref, amount: "10", idempotencyKey: "b-2" },
      ],
    });
    expect(response.status).toBe(200);
    const results = response.body.results as Json[];
    expect(results.map((r) => r.status)).toEqual(["created", "error", "error", "created"]);
    expect(results[1]?.error).toMatchObject({ code: "validation_error", path: "events[1].amount" });
    expect(results[2]?.error).toMatchObject({ code: "customer_not_found", path: "events[2].customer" });
    expect(await db.event.count({ where: { customerId: customer.id } })).toBe(2);
    expect(await post({ events: Array(1001).fill({ type: "visit", customer: ref }) })).toMatchObject({ status: 422, body: { error: { code: "batch_too_large", path: "events" } } });
  });

  it("refuses bodies over 1 MiB with 413", async () => {
    const { post, customer } = await setup();
    const big = { type: "visit", customer: { passSerial: customer.passSerial }, data: { note: "x".repeat(1024 * 1024) } };
    expect(await post(big)).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    const { post, customer } = await setup(1);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r = await post({ type: "visit", customer: { passSerial: customer.passSerial } });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get("retry-after");
    }
    expect(statuses.slice(0, 2)).toEqual([201, 201]); // burst = 2 × 1/s
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it("answers 401 JSON without a key", async () => {
    const response = await postEvents(apiRequest("/api/v1/events", null, { method: "POST", body: "{}" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });
});

describe("GET /api/v1/customers/lookup", () => {
  it("finds a customer by pass serial, external id or email, only within the key's merchant", async () => {
    const a = await setup();
    const b = await setup();
    await db.customer.update({ where: { id: a.customer.id }, data: { externalId: "pos-42", pass: { update: { pointsBalance: 30, visitCount: 2, lifetimeSpend: "30.5" } } } });
    const found = await a.get(lookup, `/api/v1/customers/lookup?passSerial=${encodeURIComponent(a.customer.passSerial)}`);
    expect(found).toMatchObject({ status: 200, body: { customer: { id: a.customer.id, passSerial: a.customer.passSerial, externalId: "pos-42", passStatus: "not_installed" }, pass: { pointsBalance: 30, visitCount: 2, lifetimeSpend: "30.50", tier: null, lastSeenAt: null } } });
    expect((await a.get(lookup, "/api/v1/customers/lookup?externalId=pos-42")).status).toBe(200);
    expect((await a.get(lookup, "/api/v1/customers/lookup?email=ADA@test.example")).status).toBe(200);
    expect(await b.get(lookup, `/api/v1/customers/lookup?passSerial=${encodeURIComponent(a.customer.passSerial)}`)).toMatchObject({ status: 404, body: { error: { code: "customer_not_found" } } });
    expect(await a.get(lookup, "/api/v1/customers/lookup")).toMatchObject({ status: 422, body: { error: { code: "validation_error" } } });
    expect((await a.get(lookup, "/api/v1/customers/lookup?passSerial=a&email=b@c.de")).status).toBe(422);
  });

  it("reports an email shared by two customers as ambiguous", async () => {
    const a = await setup();
    await db.customer.create({ data: { merchantId: a.merchant.id, email: "ada@test.example", passSerial: `T2-${Date.now()}`, pass: { create: {} } } });
    expect(await a.get(lookup, "/api/v1/customers/lookup?email=ada@test.example")).toMatchObject({ status: 422, body: { error: { code: "customer_ambiguous" } } });
  });
});

describe("GET /api/v1/events", () => {
  it("pages a customer's events newest first with a cursor, ties broken by id", async () => {
    const { customer, post, get } = await setup();
    const ref = { passSerial: customer.passSerial };
    const tied = "2025-03-01T10:00:00.000Z";
    const events = [
      ...Array.from({ length: 4 }, () => ({ type: "visit", customer: ref, occurredAt: tied })),
      ...Array.from({ length: 3 }, (_, i) => ({ type: "purchase", customer: ref, amount: "2", occurredAt: `2025-03-0${2 + i}T10:00:00Z` })),
    ];
    await post({ events });
    const seen: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/events?customer=${encodeURIComponent(customer.passSerial)}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await get(listEvents, query);
      expect(page.status).toBe(200);
      seen.push(...(page.body.data as Json[]));
      cursor = page.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    const keys = seen.map((e) => `${String(e.occurredAt)}|${String(e.id)}`);
    expect(keys).toEqual([...keys].sort().reverse());

    const byId = await get(listEvents, `/api/v1/events?customer=${customer.id}&type=purchase`);
    expect((byId.body.data as Json[]).map((e) => e.type)).toEqual(["purchase", "purchase", "purchase"]);
    expect(byId.body.nextCursor).toBeNull();
  });

  it("lists the merchant's events without a customer, never another merchant's", async () => {
    const a = await setup();
    const b = await setup();
    await a.post({ type: "visit", customer: { passSerial: a.customer.passSerial } });
    await b.post({ type: "visit", customer: { passSerial: b.customer.passSerial } });
    const all = await a.get(listEvents, "/api/v1/events");
    expect((all.body.data as Json[]).map((e) => e.customerId)).toEqual([a.customer.id]);
    expect(await a.get(listEvents, `/api/v1/events?customer=${b.customer.id}`)).toMatchObject({ status: 404, body: { error: { code: "customer_not_found" } } });
    expect(await a.get(listEvents, "/api/v1/events?cursor=garbage")).toMatchObject({ status: 422, body: { error: { code: "invalid_cursor", path: "cursor" } } });
    expect(await a.get(listEvents, "/api/v1/events?limit=201")).toMatchObject({ status: 422, body: { error: { code: "validation_error", path: "limit" } } });
    expect(await a.get(listEvents, "/api/v1/events?type=teleport")).toMatchObject({ status: 422, body: { error: { path: "type" } } });
  });
});
