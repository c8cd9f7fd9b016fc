import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./helpers";

const ALL = ["Overview", "Customers", "Record event", "Imports", "Segments", "Reports", "Settings"];
const CASES = [
  { role: "staff", email: USERS.staff, sees: ["Overview", "Customers", "Record event"], refused: ["/imports", "/segments", "/reports", "/settings", "/settings/team"] },
  { role: "manager", email: USERS.manager, sees: ["Overview", "Customers", "Record event", "Imports", "Segments", "Reports"], refused: ["/settings", "/settings/team"] },
  { role: "owner", email: USERS.owner, sees: ALL, refused: [] },
];

for (const c of CASES) {
  test(`${c.role} sees their navigation, is refused pages above their role, and signs out`, async ({ page }) => {
    await signIn(page, c.email);
    await expect(page.getByTestId("merchant-name").first()).toHaveText("Brew & Bean");
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    for (const label of ALL) {
      const link = nav.getByRole("link", { name: label, exact: true });
      if (c.sees.includes(label)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    // The overview shows real numbers from the demo data.
    await expect(page.getByTestId("stat-customers")).not.toHaveText("0");

    for (const path of c.refused) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    }
    for (const label of c.sees) {
      const href = label === "Overview" ? "/" : `/${label === "Record event" ? "record" : label.toLowerCase()}`;
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
    }

    await page.goto("/");
    await page.getByLabel(/Account menu/).first().click();
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("unknown email and wrong password get the same message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const error = page.getByTestId("form-error");
  await expect(error).toBeVisible();
  const unknown = await error.textContent();
  await page.getByLabel("Email").fill(USERS.manager);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(error).toHaveText(unknown ?? "");
  expect(unknown).toContain("do not match");
});
