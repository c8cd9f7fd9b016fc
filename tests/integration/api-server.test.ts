// The lean API front (lib/api/server.ts) over real HTTP on a real database: what it adds to the
// handlers is the Node ↔ Web adaptation, so these check status, headers and bodies on the wire,
// the streamed 1 MiB limit, and that a connection stays usable after a refused body.
import { createServer, request, Agent, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiPath, serveApiRequest } from "@/lib/api/server";
import { db } from "@/lib/db";
import { createApiKey } from "../support/api-keys";
import { createMerchant } from "../support/factories";

let server: Server;
let base: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  server = createServer((req, res) => {
    if (isApiPath(req.url ?? "/")) void serveApiRequest(req, res);
    else res.writeHead(418).end("not the API");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string; socket: unknown }

/** One request; `chunks` are written one by one (chunked unless content-length is given). */
function send(method: string, path: string, headers: Record<string, string> = {}, chunks: string[] = []): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, socket: req.socket }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const json = (answer: Answer) => JSON.parse(answer.body) as { error?: { code: string } } & Record<string, unknown>;

async function keyed(rateLimitPerSecond = 1000) {
  const merchant = await createMerchant();
  const { secret } = await createApiKey(merchant.id, { rateLimitPerSecond });
  const customer = await db.customer.create({ data: { merchantId: merchant.id, name: "Ada", passSerial: `S-${crypto.randomUUID().slice(0, 8)}`, pass: { create: {} } } });
  return { auth: { authorization: `Bearer ${secret}` }, customer };
}

describe("lean API front", () => {
  it("claims /api/v1 and below, nothing else", () => {
    expect(["/api/v1", "/api/v1/", "/api/v1?x=1", "/api/v1/events?customer=a"].every(isApiPath)).toBe(true);
    expect(["/api/v10", "/api/v2/events", "/api/auth/session", "/", "/login"].some(isApiPath)).toBe(false);
  });

  it("records an event and replays it, passing the handler's status, headers and body through", async () => {
    const { auth, customer } = await keyed();
    const event = JSON.stringify({ type: "purchase", customer: { passSerial: customer.passSerial }, amount: "3.20" });
    const headers = { ...auth, "content-type": "application/json", "idempotency-key": "r-1" };
    const first = await send("POST", "/api/v1/events", headers, [event]);
    expect(first.status).toBe(201);
    expect(first.headers["content-length"]).toBe(String(Buffer.byteLength(first.body)));
    expect(json(first)).toMatchObject({ event: { amount: "3.20", idempotencyKey: "r-1" }, pass: { lifetimeSpend: "3.20" } });
    const replay = await send("POST", "/api/v1/events", headers, [event]);
    expect(replay.status).toBe(200);
    expect(replay.headers["idempotent-replayed"]).toBe("true");

    const lookup = await send("GET", `/api/v1/customers/lookup?passSerial=${customer.passSerial}`, auth);
    expect(json(lookup)).toMatchObject({ customer: { id: customer.id }, pass: { lifetimeSpend: "3.20" } });
  });

  it("answers unknown paths 404, other methods 405 with Allow, OPTIONS 204 and a trailing slash 308", async () => {
    const unknown = await send("GET", "/api/v1/nope");
    expect(unknown.status).toBe(404);
    expect(json(unknown).error?.code).toBe("not_found");
    const wrong = await send("PUT", "/api/v1/events", { "content-type": "application/json" }, ["{}"]);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    expect(json(wrong).error?.code).toBe("method_not_allowed");
    expect(await send("OPTIONS", "/api/v1/openapi.json")).toMatchObject({ status: 204, body: "" });
    const head = await send("HEAD", "/api/v1/openapi.json");
    expect(head).toMatchObject({ status: 200, body: "" });
    expect(Number(head.headers["content-length"])).toBeGreaterThan(1000);
    expect(await send("GET", "/api/v1/events/?limit=2")).toMatchObject({ status: 308, headers: { location: "/api/v1/events?limit=2" } });
  });

  it("refuses a body over 1 MiB while it streams in, and the connection serves the next request", async () => {
    const { auth } = await keyed();
    const piece = "y".repeat(64 * 1024);
    const chunked = await send("POST", "/api/v1/events", { ...auth, "content-type": "application/json" }, ["{\"type\":\"visit\",\"data\":{\"n\":\"", ...Array<string>(20).fill(piece), "\"}}"]);
    expect(chunked.status).toBe(413);
    expect(json(chunked).error?.code).toBe("payload_too_large");
    const declared = await send("POST", "/api/v1/events", { ...auth, "content-type": "application/json", "content-length": String(1100 * 1024) }, [piece.repeat(17).padEnd(1100 * 1024, "z")]);
    expect(declared.status).toBe(413);
    const next = await send("GET", "/api/v1/events?limit=1", auth);
    expect(next.status).toBe(200);
    expect(next.socket).toBe(declared.socket);
  });

  it("survives a client that hangs up halfway through a body", async () => {
    const { auth } = await keyed();
    await new Promise<void>((resolve) => {
      const req = request(`${base}/api/v1/events`, { method: "POST", headers: { ...auth, "content-type": "application/json" } });
      req.on("error", () => resolve());
      req.write("{\"type\":\"visit\",");
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await send("GET", "/api/v1/events?limit=1", auth)).status).toBe(200);
  });

  it("passes 429 with Retry-After through", async () => {
    const { auth } = await keyed(1);
    const answers = await Promise.all(Array.from({ length: 4 }, () => send("GET", "/api/v1/events?limit=1", auth)));
    const limited = answers.find((a) => a.status === 429);
    expect(limited?.headers["retry-after"]).toBe("1");
    expect(limited && json(limited).error?.code).toBe("rate_limited");
  });
});
