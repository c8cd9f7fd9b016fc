import { expect, test } from "./factories";

test("unknown email and wrong password get the same message", async ({ page, merchant }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const error = page.getByTestId("form-error");
  await expect(error).toBeVisible();
  const unknown = await error.textContent();
  await page.getByLabel("Email").fill(merchant.users.manager.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(error).toHaveText(unknown ?? "");
  expect(unknown).toContain("do not match");
});
