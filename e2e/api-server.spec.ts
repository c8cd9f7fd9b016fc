// The production server (scripts/run.ts start) answers /api/v1/* from the lean front
// (lib/api/server.ts) and everything else through Next. Next's router would answer a wrong method
// with an empty 405; the lean front answers with the API's JSON error and `Allow`.
import { expect, test } from "@playwright/test";
import { auth, BREW_KEY, errorOf } from "./api-helpers";

test("unknown API paths and methods get the API's JSON 404 and 405", async ({ request }) => {
  const unknown = await request.get("/api/v1/nothing-here", { headers: auth(BREW_KEY) });
  expect(unknown.headers()["content-type"]).toContain("application/json");
  expect(await errorOf(unknown)).toEqual({ status: 404, code: "not_found", path: undefined });
  expect((await errorOf(await request.post("/api/v1", { data: {} }))).code).toBe("not_found");

  const wrongMethod = await request.delete("/api/v1/events", { headers: auth(BREW_KEY) });
  expect(await errorOf(wrongMethod)).toMatchObject({ status: 405, code: "method_not_allowed" });
  expect(wrongMethod.headers().allow).toBe("GET, POST, HEAD, OPTIONS");
  expect((await errorOf(await request.post("/api/v1/customers/lookup", { headers: auth(BREW_KEY), data: {} }))).status).toBe(405);

  const options = await request.fetch("/api/v1/customers/lookup", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe("GET, HEAD, OPTIONS");
  const head = await request.head("/api/v1/openapi.json");
  expect(head.status()).toBe(200);
  expect(head.headers()["content-type"]).toContain("application/json");
});

test("a trailing slash redirects to the endpoint, like Next", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json/", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toBe("/api/v1/openapi.json");
});

test("pages still render through Next next to the lean API front", async ({ page, request }) => {
  const anonymous = await request.get("/customers", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/login");
  const login = await page.goto("/login");
  expect(login?.status()).toBe(200);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
