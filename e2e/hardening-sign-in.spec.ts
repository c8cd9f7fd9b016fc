// Issue #10 over real HTTP against the production server: signing in cannot be abused (points 1, 2, 4).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./factories";
import { uniqueEmail } from "./helpers";

/** One credentials sign-in over HTTP, as the form posts it; answers next-auth's error code or null. */
async function postSignIn(api: APIRequestContext, email: string, password: string): Promise<{ error: string | null; location: string }> {
  const csrf = ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf, json: "true" },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return { error: new URL(location, "http://x").searchParams.get("error"), location };
}

test("#10.1 parallel sign-in attempts: at most 10 passwords are checked per account and address", async ({ baseURL }) => {
  const email = uniqueEmail("throttle");
  const clients = await Promise.all(Array.from({ length: 30 }, () => playwrightRequest.newContext({ baseURL })));
  const outcomes = await Promise.all(clients.map((api, i) => postSignIn(api, email, `wrong-${i}`)));
  const checked = outcomes.filter((o) => o.error === "CredentialsSignin").length;
  expect(checked, JSON.stringify(outcomes.map((o) => o.error))).toBeLessThanOrEqual(10);
  expect(outcomes.filter((o) => o.error === "TooManyAttempts").length).toBeGreaterThanOrEqual(20);
  await Promise.all(clients.map((c) => c.dispose()));
});

for (const callbackUrl of ["/%5Cevil.example/phish", "/%09/evil.example", "/%5C%5Cevil.example"]) {
  test(`#10.2 sign-in with callbackUrl=${callbackUrl} stays on our site`, async ({ page, baseURL, merchant }) => {
    // Nothing leaves this machine: a navigation to the other site is answered here.
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ status: 200, body: "phished" }));
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(merchant.users.manager.email);
    await page.getByLabel("Password").fill(merchant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // As helpers.signIn: hashing the password takes a while on a busy machine.
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  });
}

test("#10.4 a NUL in the email gets the generic sign-in error, never internal text", async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { error, location } = await postSignIn(api, "owner\u0000@brewbean.test", "punchcard-demo");
  expect(error).toBe("CredentialsSignin");
  expect(decodeURIComponent(location)).not.toMatch(/prisma|invocation|invalid .*invocation|\\u0000/i);
  await api.dispose();
});
