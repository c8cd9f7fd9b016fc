// Real HTTP against the production build: what a POS sees without a valid key, and the public
// OpenAPI document is in api-openapi.spec.ts. (Revoked keys are covered in tests/integration/api-key-auth.test.ts.)
import { errorOf } from "./api-helpers";
import { expect, test } from "./factories";

test("requests without a valid API key get 401 JSON", async ({ request, merchant }) => {
  const event = { type: "visit", customer: { passSerial: "BB-NOPE" } };
  expect(await errorOf(await request.post("/api/v1/events", { data: event }))).toEqual({ status: 401, code: "unauthenticated", path: undefined });
  expect((await errorOf(await request.post("/api/v1/events", { data: event, headers: { authorization: "Bearer garbage" } }))).status).toBe(401);
  expect((await errorOf(await request.post("/api/v1/events", { data: event, headers: { authorization: `Basic ${merchant.apiKey}` } }))).status).toBe(401);
  // The key's prefix with a different tail finds the row but fails the hash comparison.
  const wrongTail = `${merchant.apiKey.slice(0, -4)}ffff`;
  expect((await errorOf(await request.get("/api/v1/customers/lookup?passSerial=X", { headers: { authorization: `Bearer ${wrongTail}` } }))).status).toBe(401);
  expect((await errorOf(await request.get("/api/v1/events", { headers: { authorization: "Bearer pc_live_0000000000000000000000000" } }))).status).toBe(401);
});
