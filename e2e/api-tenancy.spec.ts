// Real HTTP against the production build. This file alone uses Iron Temple's key: the last test
// drains that key's rate limit, so the tests run in order and nothing else shares the key.
import { Agent, get as httpGet } from "node:http";
import { expect, test } from "@playwright/test";
import { auth, BREW_KEY, createCustomerViaApi, errorOf, eventsOf, GYM_KEY, uniqueSerial } from "./api-helpers";

test.describe.configure({ mode: "serial" });

test("Iron Temple's key cannot look up or record for a Brew & Bean pass", async ({ request }) => {
  const serial = uniqueSerial("tenant");
  const brewCustomerId = await createCustomerViaApi(request, serial, BREW_KEY);

  expect(await errorOf(await request.get(`/api/v1/customers/lookup?passSerial=${serial}`, { headers: auth(GYM_KEY) }))).toMatchObject({ status: 404, code: "customer_not_found" });
  const post = await request.post("/api/v1/events", { headers: auth(GYM_KEY), data: { type: "purchase", customer: { passSerial: serial }, amount: "50.00" } });
  expect(await errorOf(post)).toMatchObject({ status: 422, code: "customer_not_found" });
  const byId = await request.post("/api/v1/events", { headers: auth(GYM_KEY), data: { type: "visit", customer: { id: brewCustomerId } } });
  expect(await errorOf(byId)).toMatchObject({ status: 422, code: "customer_not_found" });
  expect(await errorOf(await request.get(`/api/v1/events?customer=${brewCustomerId}`, { headers: auth(GYM_KEY) }))).toMatchObject({ status: 404, code: "customer_not_found" });

  // Brew & Bean's customer is untouched: only the event that created it.
  const brewEvents = await eventsOf(request, serial, BREW_KEY);
  expect(brewEvents.map((e) => e.type)).toEqual(["pass_installed"]);
  const brewLookup = await request.get(`/api/v1/customers/lookup?passSerial=${serial}`, { headers: auth(BREW_KEY) });
  expect(await brewLookup.json()).toMatchObject({ customer: { id: brewCustomerId }, pass: { pointsBalance: 0, lifetimeSpend: "0.00" } });
  // And Iron Temple's own event list never shows Brew & Bean's customer.
  const gymEvents = (await (await request.get("/api/v1/events?limit=200", { headers: auth(GYM_KEY) })).json()) as { data: { customerId: string }[] };
  expect(gymEvents.data.some((e) => e.customerId === brewCustomerId)).toBe(false);
});

test("a burst beyond the key's limit gets 429 with Retry-After", async ({ baseURL }) => {
  // The demo key allows 100 requests/s with bursts of 200. Playwright's request context queues
  // requests, so the burst is fired from 64 keep-alive sockets to really arrive at once.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL("/api/v1/customers/lookup?passSerial=IT-NOBODY", baseURL);
  const get = () =>
    new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
      const req = httpGet(url, { agent, headers: auth(GYM_KEY) }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"], body }));
      });
      req.on("error", reject);
    });
  const responses = await Promise.all(Array.from({ length: 600 }, get));
  agent.destroy();
  const limited = responses.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(responses.every((r) => r.status === 429 || r.status === 404)).toBe(true);
  expect(Number(limited[0]?.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(JSON.parse(limited[0]?.body ?? "{}")).toMatchObject({ error: { code: "rate_limited" } });
});
