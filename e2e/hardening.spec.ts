// Issue #10 over real HTTP against the production server: sign-in, sessions, headers and server
// actions (points 1–4, 15–17). Input bounds are in tests/integration/hardening-input.test.ts.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { BREW_KEY, auth } from "./api-helpers";
import { signIn, uniqueEmail, USERS } from "./helpers";

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
  test(`#10.2 sign-in with callbackUrl=${callbackUrl} stays on our site`, async ({ page, baseURL }) => {
    // Nothing leaves this machine: a navigation to the other site is answered here.
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ status: 200, body: "phished" }));
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(USERS.manager);
    await page.getByLabel("Password").fill("punchcard-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  });
}

test("#10.3 after sign-out a copied session cookie is refused", async ({ page, browser }) => {
  await signIn(page, USERS.staff);
  const copied = await page.context().cookies();
  await page.locator("summary[aria-label^='Account menu']").first().click();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/customers");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("#10.4 a NUL in the email gets the generic sign-in error, never internal text", async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { error, location } = await postSignIn(api, "owner\u0000@brewbean.test", "punchcard-demo");
  expect(error).toBe("CredentialsSignin");
  expect(decodeURIComponent(location)).not.toMatch(/prisma|invocation|invalid .*invocation|\\u0000/i);
  await api.dispose();
});

test("#10.15 pages send CSP with a nonce, no framing, nosniff and a referrer policy; personal API JSON is no-store", async ({ page, request }) => {
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
  await signIn(page, USERS.manager);
  await page.goto("/customers");
  expect(errors).toEqual([]);

  const lookup = await request.get("/api/v1/events?limit=1", { headers: auth(BREW_KEY) });
  expect(lookup.status()).toBe(200);
  expect(lookup.headers()["cache-control"]).toBe("no-store");
  expect(lookup.headers()["x-content-type-options"]).toBe("nosniff");
});

test("#10.16 a server action with a foreign Origin answers 403, one over the size limit 413", async ({ page, baseURL }) => {
  await signIn(page, USERS.owner);
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

test("#10.17 adding a member whose email is registered at another merchant reveals nothing", async ({ page }) => {
  await signIn(page, USERS.owner);
  await page.goto("/settings/team");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add member" }) });
  const add = async (email: string) => {
    await form.getByLabel("Name").fill("Someone");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("first-day-password");
    await form.getByRole("button", { name: "Add member" }).click();
  };
  const before = (await form.textContent()) ?? "";
  await add(USERS.gymOwner);
  await expect.poll(async () => (await form.textContent()) !== before).toBe(true);
  await expect(page.getByRole("status")).toHaveCount(0);
  const text = (await form.textContent()) ?? "";
  expect(text).not.toMatch(/already has|registered|another (shop|merchant|business)|Punchcard account|exists/i);
  // An address nobody has is added as usual.
  await add(uniqueEmail("new-member"));
  await expect(page.getByRole("status")).toContainText("Team member added");
});
