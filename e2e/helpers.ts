import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "punchcard-demo";

/** The demo merchants' users: only for specs about the demo data itself (others use e2e/factories.ts). */
export const USERS = {
  owner: "owner@brewbean.test",
  manager: "manager@brewbean.test",
  staff: "staff@brewbean.test",
  gymOwner: "owner@irontemple.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Hashing the password takes a while when the machine is busy (2 shared cores run the build,
  // the server and two browsers), so allow more than the default 5 s here.
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 });
}

const PASS_FILTER_VALUE: Record<string, string> = { Installed: "installed", Removed: "uninstalled", "Never installed": "not_installed" };

/** The pass-status filter's value for the status a customer row shows. */
export function passFilterValue(shown: string): string {
  return PASS_FILTER_VALUE[shown] ?? "installed";
}

/** The customer in row `rowIndex` of the A→Z list: name, page, pass serial and pass status as shown. */
export async function pickCustomer(page: Page, rowIndex: number) {
  await page.goto("/customers?sort=name&dir=asc");
  const row = page.locator("table tbody tr").nth(rowIndex);
  const link = row.locator("a[href^='/customers/']");
  const name = (await link.textContent())?.trim() ?? "";
  const href = (await link.getAttribute("href")) ?? "";
  const serial = (await row.locator("td").nth(1).locator("span").first().textContent())?.trim() ?? "";
  const passStatus = (await row.locator("td").nth(1).locator("span").nth(1).textContent())?.trim() ?? "";
  expect(name).not.toBe("");
  expect(href).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
  expect(serial).not.toBe("");
  return { name, href, serial, passStatus };
}

export function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
}

/** One credentials sign-in over HTTP, as the form posts it; answers next-auth's error code or null. */
export async function postSignIn(api: APIRequestContext, email: string, password: string): Promise<{ error: string | null; location: string }> {
  const csrf = ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf, json: "true" },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return { error: new URL(location, "http://x").searchParams.get("error"), location };
}
