// Real HTTP against the production build: recording events the way a till does, with retries.
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { auth, BREW_KEY, createCustomerViaApi, errorOf, eventsOf, uniqueSerial } from "./api-helpers";

test("a scan is looked up, a purchase recorded, a retry replayed and a changed retry refused", async ({ request }) => {
  const serial = uniqueSerial("idem");
  const customerId = await createCustomerViaApi(request, serial);
  const lookup = await request.get(`/api/v1/customers/lookup?passSerial=${serial}`, { headers: auth(BREW_KEY) });
  expect(lookup.status()).toBe(200);
  expect(await lookup.json()).toMatchObject({ customer: { id: customerId, passSerial: serial, passStatus: "installed" }, pass: { pointsBalance: 0, visitCount: 0 } });

  const key = `till-1-${serial}`;
  const purchase = { type: "purchase", customer: { passSerial: serial }, amount: 127.5, location: "Downtown", data: { items: 4 } };
  const first = await request.post("/api/v1/events", { headers: { ...auth(BREW_KEY), "Idempotency-Key": key }, data: purchase });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as { event: { id: string; amount: string; location: string }; pass: { lifetimeSpend: string } };
  expect(created.event).toMatchObject({ amount: "127.50", location: "Downtown" });
  expect(created.pass.lifetimeSpend).toBe("127.50");

  const replay = await request.post("/api/v1/events", { headers: { ...auth(BREW_KEY), "Idempotency-Key": key }, data: purchase });
  expect(replay.status()).toBe(200);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(((await replay.json()) as { event: { id: string } }).event.id).toBe(created.event.id);

  const changed = await request.post("/api/v1/events", { headers: { ...auth(BREW_KEY), "Idempotency-Key": key }, data: { ...purchase, amount: "12.00" } });
  expect(await errorOf(changed)).toMatchObject({ status: 422, code: "idempotency_conflict" });
  expect((await eventsOf(request, serial)).filter((e) => e.type === "purchase")).toHaveLength(1);
});

test("250 concurrent retries with one Idempotency-Key record exactly one event", async ({ request }) => {
  // Retries of one key are answered one after another (each waits for the previous to commit).
  test.setTimeout(180_000);
  const serial = uniqueSerial("race");
  await createCustomerViaApi(request, serial);
  const key = `race-${serial}`;
  const body = { type: "purchase", customer: { passSerial: serial }, amount: "4.50" };
  const responses = await Promise.all(
    Array.from({ length: 250 }, () => request.post("/api/v1/events", { headers: { ...auth(BREW_KEY), "Idempotency-Key": key }, data: body, timeout: 60_000 })),
  );
  const statuses = responses.map((r) => r.status());
  // The demo key allows bursts of 200 requests, so some of the 250 may be rate-limited (429);
  // those record nothing. Every other answer must name the same single event.
  const answered = responses.filter((r) => r.status() !== 429);
  expect(answered.length).toBeGreaterThanOrEqual(150);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(answered.every((r) => r.status() === 201 || r.status() === 200), JSON.stringify(statuses)).toBe(true);
  const ids = new Set(await Promise.all(answered.map(async (r) => ((await r.json()) as { event: { id: string } }).event.id)));
  expect(ids.size).toBe(1);
  const purchases = (await eventsOf(request, serial)).filter((e) => e.type === "purchase");
  expect(purchases).toHaveLength(1);
  expect(purchases[0]?.id).toBe([...ids][0]);
});

test("a batch records the valid events and lists the invalid ones with their paths", async ({ request }) => {
  const serial = uniqueSerial("batch");
  await createCustomerViaApi(request, serial);
  const ref = { passSerial: serial };
  const response = await request.post("/api/v1/events", {
    headers: auth(BREW_KEY),
    data: {
      events: [
        { type: "visit", customer: ref, location: "Riverside", idempotencyKey: `${serial}-1` },
        { type: "purchase", customer: ref, amount: "abc" },
        { type: "purchase", customer: ref, amount: "9.99", idempotencyKey: `${serial}-2` },
        { type: "visit", customer: { passSerial: `${serial}-MISSING` } },
        { type: "redemption", customer: ref, data: { reward: "Free Coffee", pointsCost: 5000 } },
        { type: "purchase", customer: ref },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const { results } = (await response.json()) as { results: { status: string; error?: { code: string; path?: string } }[] };
  expect(results.map((r) => r.status)).toEqual(["created", "error", "created", "error", "error", "error"]);
  expect(results[1]?.error).toMatchObject({ code: "validation_error", path: "events[1].amount" });
  expect(results[3]?.error).toMatchObject({ code: "customer_not_found", path: "events[3].customer" });
  expect(results[4]?.error).toMatchObject({ code: "insufficient_points", path: "events[4].data.pointsCost" });
  expect(results[5]?.error).toMatchObject({ code: "validation_error", path: "events[5].amount" });
  expect((await eventsOf(request, serial)).map((e) => e.type).sort()).toEqual(["pass_installed", "purchase", "visit"]);

  const tooMany = await request.post("/api/v1/events", { headers: auth(BREW_KEY), data: { events: Array.from({ length: 1001 }, () => ({ type: "visit", customer: ref })) } });
  expect(await errorOf(tooMany)).toMatchObject({ status: 422, code: "batch_too_large", path: "events" });
});

test("malformed JSON is a 400 and bodies over 1 MiB are a 413, whatever Content-Length says", async ({ request, baseURL }) => {
  const malformed = await request.post("/api/v1/events", { headers: { ...auth(BREW_KEY), "content-type": "application/json" }, data: Buffer.from("{\"type\": \"visit\", ") });
  expect(await errorOf(malformed)).toMatchObject({ status: 400, code: "invalid_json" });

  const big = { type: "visit", customer: { passSerial: "BB-ANY" }, data: { note: "x".repeat(1100 * 1024) } };
  expect(await errorOf(await request.post("/api/v1/events", { headers: auth(BREW_KEY), data: big }))).toMatchObject({ status: 413, code: "payload_too_large" });

  // Chunked upload: no Content-Length at all, so only counting the stream can stop it.
  const url = new URL("/api/v1/events", baseURL);
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { ...auth(BREW_KEY), "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.write("{\"type\":\"visit\",\"data\":{\"note\":\"");
    const piece = "y".repeat(64 * 1024);
    for (let i = 0; i < 20; i++) req.write(piece);
    req.end("\"}}");
  });
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body)).toMatchObject({ error: { code: "payload_too_large" } });
});

test("a customer's events page newest first through the cursor", async ({ request }) => {
  const serial = uniqueSerial("page");
  await createCustomerViaApi(request, serial);
  const events = Array.from({ length: 7 }, (_, i) => ({ type: "visit", customer: { passSerial: serial }, occurredAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }));
  expect((await request.post("/api/v1/events", { headers: auth(BREW_KEY), data: { events } })).status()).toBe(200);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await request.get(`/api/v1/events?customer=${serial}&type=visit&limit=3${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth(BREW_KEY) });
    expect(page.status()).toBe(200);
    const body = (await page.json()) as { data: { occurredAt: string }[]; nextCursor: string | null };
    seen.push(...body.data.map((e) => e.occurredAt));
    cursor = body.nextCursor;
  } while (cursor);
  expect(seen).toEqual(events.map((e) => e.occurredAt).reverse());
});
