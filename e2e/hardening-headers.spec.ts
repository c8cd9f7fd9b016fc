// Issue #10 over real HTTP against the production server: security headers (point 15).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { auth } from "./api-helpers";
import { expect, test } from "./factories";
import { signIn } from "./helpers";

test("#10.15 pages send CSP with a nonce, no framing, nosniff and a referrer policy; personal API JSON is no-store", async ({ page, request, merchant }) => {
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Next's own scripts carry the nonce, so the page still works (the sign-in below runs under it).
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  await signIn(page, merchant.users.manager.email, merchant.password);
  await page.goto("/customers");
  expect(errors).toEqual([]);

  const lookup = await request.get("/api/v1/events?limit=1", { headers: auth(merchant.apiKey) });
  expect(lookup.status()).toBe(200);
  expect(lookup.headers()["cache-control"]).toBe("no-store");
  expect(lookup.headers()["x-content-type-options"]).toBe("nosniff");
});
