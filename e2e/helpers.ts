import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "punchcard-demo";

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

export function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
}
