import { expect, test, type Role } from "./factories";

const ALL = ["Overview", "Customers", "Record event", "Imports", "Segments", "Reports", "Settings"];
const CASES: { role: Role; sees: string[]; refused: string[] }[] = [
  { role: "staff", sees: ["Overview", "Customers", "Record event"], refused: ["/imports", "/segments", "/reports", "/settings", "/settings/team"] },
  { role: "manager", sees: ["Overview", "Customers", "Record event", "Imports", "Segments", "Reports"], refused: ["/settings", "/settings/team"] },
  { role: "owner", sees: ALL, refused: [] },
];

for (const c of CASES) {
  test.describe(() => {
    test.use({ signedInAs: c.role });
    test(`${c.role} sees their navigation, is refused pages above their role, and signs out`, async ({ page, merchant }) => {
      await page.goto("/");
      await expect(page.getByTestId("merchant-name").first()).toHaveText(merchant.name);
      const nav = page.getByRole("navigation", { name: "Main" }).first();
      for (const label of ALL) {
        const link = nav.getByRole("link", { name: label, exact: true });
        if (c.sees.includes(label)) await expect(link).toBeVisible();
        else await expect(link).toHaveCount(0);
      }
      // The overview shows real numbers from the merchant's history.
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
  });
}
