// Real HTTP against the production build: a burst beyond a key's rate limit. The key is this
// spec's own merchant's, so draining it slows no other spec.
import { Agent, get as httpGet } from "node:http";
import { auth } from "./api-helpers";
import { expect, test } from "./factories";

// A slow rate, so 600 requests exceed it however slowly a loaded machine answers them.
test.use({ merchantOptions: { customers: 5, events: 50, apiRateLimitPerSecond: 10 } });

test("a burst beyond the key's limit gets 429 with Retry-After", async ({ baseURL, merchant }) => {
  // This key allows 10 requests/s with bursts of 20. Playwright's request context queues
  // requests, so the burst is fired from 64 keep-alive sockets to really arrive at once.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL("/api/v1/customers/lookup?passSerial=BB-NOBODY", baseURL);
  const get = () =>
    new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
      const req = httpGet(url, { agent, headers: auth(merchant.apiKey) }, (res) => {
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
