// Real HTTP against the production build: what a POS sees without a valid key, and the public
// OpenAPI document. (Revoked keys are covered in tests/integration/api-key-auth.test.ts.)
import { expect, test } from "@playwright/test";
import { BREW_KEY, errorOf } from "./api-helpers";

test("requests without a valid API key get 401 JSON", async ({ request }) => {
  const event = { type: "visit", customer: { passSerial: "BB-NOPE" } };
  expect(await errorOf(await request.post("/api/v1/events", { data: event }))).toEqual({ status: 401, code: "unauthenticated", path: undefined });
  expect((await errorOf(await request.post("/api/v1/events", { data: event, headers: { authorization: "Bearer garbage" } }))).status).toBe(401);
  expect((await errorOf(await request.post("/api/v1/events", { data: event, headers: { authorization: `Basic ${BREW_KEY}` } }))).status).toBe(401);
  // The demo key's prefix with a different tail finds the row but fails the hash comparison.
  const wrongTail = `${BREW_KEY.slice(0, -4)}ffff`;
  expect((await errorOf(await request.get("/api/v1/customers/lookup?passSerial=X", { headers: { authorization: `Bearer ${wrongTail}` } }))).status).toBe(401);
  expect((await errorOf(await request.get("/api/v1/events", { headers: { authorization: "Bearer pc_live_0000000000000000000000000" } }))).status).toBe(401);
});

test("the OpenAPI document is public and describes the API", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/events", "/api/v1/customers/lookup"]));
  expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
});
