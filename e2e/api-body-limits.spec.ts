// Real HTTP against the production build: recording events the way a till does, with retries.
import { request as httpRequest } from "node:http";
import { auth, errorOf } from "./api-helpers";
import { expect, test } from "./factories";

test("malformed JSON is a 400 and bodies over 1 MiB are a 413, whatever Content-Length says", async ({ request, baseURL, merchant }) => {
  const malformed = await request.post("/api/v1/events", { headers: { ...auth(merchant.apiKey), "content-type": "application/json" }, data: Buffer.from("{\"type\": \"visit\", ") });
  expect(await errorOf(malformed)).toMatchObject({ status: 400, code: "invalid_json" });

  const big = { type: "visit", customer: { passSerial: "BB-ANY" }, data: { note: "x".repeat(1100 * 1024) } };
  expect(await errorOf(await request.post("/api/v1/events", { headers: auth(merchant.apiKey), data: big }))).toMatchObject({ status: 413, code: "payload_too_large" });

  // Chunked upload: no Content-Length at all, so only counting the stream can stop it.
  const url = new URL("/api/v1/events", baseURL);
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { ...auth(merchant.apiKey), "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
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
