// Issue #10 over real HTTP against the production server: server actions refuse foreign origins and huge bodies (point 16).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./factories";

test.use({ signedInAs: "owner" });

test("#10.16 a server action with a foreign Origin answers 403, one over the size limit 413", async ({ page, baseURL }) => {
  await page.goto("/");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const api = await playwrightRequest.newContext({ baseURL });
  const action = { "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8", cookie };
  const foreign = await api.post("/settings/team", { headers: { ...action, origin: "https://evil.example" }, data: "[]", maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  const origin = new URL(baseURL ?? "").origin;
  const huge = await api.post("/settings/team", { headers: { ...action, origin }, data: "x".repeat(2 * 1024 * 1024), maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  await api.dispose();
});
