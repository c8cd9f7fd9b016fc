// Each spec's own data. `import { test, expect } from "./factories"` instead of @playwright/test and:
// - `merchant` is a fresh merchant for this test alone (Brew & Bean's shape: three shops, ~120
//   customers with 18 months of history, rewards, an API key, owner/manager/staff), created by the
//   server's E2E-only route (scripts/e2e-factory.ts); set its size with test.use({ merchantOptions });
// - `page` is signed in as `test.use({ signedInAs: "manager" })` of that merchant (default: signed
//   out), through the sign-in API and a stored state, not the form;
// - `pageAs(role)` opens another signed-in page (its own browser context) for a second person;
// - `customerOf(merchant)` adds a customer through the POS API with the merchant's own key.
// Nothing here reads or changes the shared demo merchants, so specs never coordinate through them.
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type BrowserContextOptions, type Page } from "@playwright/test";
import type { FactoryMerchant, FactoryMerchantInput, FactoryUser } from "../lib/seed/factory";

export { expect };
export type Merchant = FactoryMerchant;
export type Role = keyof FactoryMerchant["users"];
type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

/** A new merchant for one test, through the E2E-only factory route. */
export async function createMerchant(request: APIRequestContext, input: FactoryMerchantInput = {}): Promise<Merchant> {
  const response = await request.post("/__e2e/merchants", { data: input, timeout: 60_000 });
  expect(response.status(), `the E2E factory route (is the server running with --ephemeral and PUNCHCARD_E2E_FACTORIES=1?): ${await response.text()}`).toBe(201);
  return (await response.json()) as Merchant;
}

/**
 * Signs in through next-auth's credentials endpoint, as the login form posts it, and returns the
 * session as a Playwright storage state (cookies) for browser.newContext({ storageState }).
 */
export async function signInState(baseURL: string, email: string, password: string): Promise<StorageState> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const csrf = ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    const response = await api.post("/api/auth/callback/credentials", { form: { email, password, csrfToken: csrf, json: "true" }, maxRedirects: 0, timeout: 30_000 });
    const url = ((await response.json().catch(() => ({}))) as { url?: string }).url ?? response.headers().location ?? "";
    expect(new URL(url, baseURL).searchParams.get("error"), `sign-in of ${email}`).toBeNull();
    const state = await api.storageState();
    expect(state.cookies.some((c) => c.name.endsWith("next-auth.session-token")), `a session cookie for ${email}`).toBe(true);
    return state;
  } finally {
    await api.dispose();
  }
}

/** A fresh customer of `merchant`, created through the POS API (createCustomer), with their pass installed. */
export async function customerOf(
  request: APIRequestContext,
  merchant: Merchant,
  customer: { name?: string; email?: string; phone?: string; passSerial?: string } = {},
): Promise<{ id: string; passSerial: string; name: string }> {
  const passSerial = customer.passSerial ?? `E2E-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`.toUpperCase();
  const name = customer.name ?? `E2E Customer ${passSerial.slice(-6)}`;
  const response = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${merchant.apiKey}` },
    data: { type: "pass_installed", customer: { ...customer, passSerial, name }, createCustomer: true, data: { platform: "apple" } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { id: ((await response.json()) as { event: { customerId: string } }).event.customerId, passSerial, name };
}

interface Fixtures {
  merchantOptions: FactoryMerchantInput;
  merchant: Merchant;
  signedInAs: Role | null;
  pageAs: (who: Role | FactoryUser, options?: BrowserContextOptions & { password?: string }) => Promise<Page>;
  /** The test's merchant, created on first use: tests that never ask for one (or a signed-in page) cost nothing. */
  lazyMerchant: () => Promise<Merchant>;
}

// (The fixtures name Playwright's `use` callback `provide`: the React hooks lint rule claims `use`.)
export const test = base.extend<Fixtures>({
  merchantOptions: [{}, { option: true }],
  signedInAs: [null, { option: true }],
  lazyMerchant: async ({ baseURL, merchantOptions }, provide, testInfo) => {
    const file = testInfo.file.split(/[\\/]/).pop()?.replace(/\.spec\.ts$/, "") ?? "spec";
    let created: Promise<Merchant> | null = null;
    // Its own request context: the built-in `request` is not ready while context options (the
    // stored state below) are being worked out.
    const api = await playwrightRequest.newContext({ baseURL });
    await provide(() => (created ??= createMerchant(api, { label: file, ...merchantOptions })));
    await api.dispose();
  },
  merchant: async ({ lazyMerchant }, provide) => {
    await provide(await lazyMerchant());
  },
  // The built-in page/context pick this up: `page` opens already signed in as `signedInAs`.
  storageState: async ({ signedInAs, lazyMerchant, baseURL, storageState }, provide) => {
    if (!signedInAs) return provide(storageState);
    const merchant = await lazyMerchant();
    await provide(await signInState(baseURL ?? "", merchant.users[signedInAs].email, merchant.password));
  },
  pageAs: async ({ browser, merchant, baseURL }, provide) => {
    const opened: { close: () => Promise<void> }[] = [];
    await provide(async (who, options = {}) => {
      const { password, ...contextOptions } = options;
      const user = typeof who === "string" ? merchant.users[who] : who;
      const context = await browser.newContext({ baseURL, ...contextOptions, storageState: await signInState(baseURL ?? "", user.email, password ?? merchant.password) });
      opened.push(context);
      return context.newPage();
    });
    for (const context of opened) await context.close();
  },
});
