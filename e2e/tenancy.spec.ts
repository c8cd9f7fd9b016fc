import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./helpers";

test("a customer of another merchant cannot be opened by URL", async ({ browser }) => {
  const brew = await browser.newPage();
  await signIn(brew, USERS.owner);
  await brew.goto("/customers");
  await brew.locator("table a[href^='/customers/']").first().click();
  await expect(brew).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  const customerUrl = new URL(brew.url()).pathname;
  await expect(brew.getByText("Lifetime spend")).toBeVisible();

  const gym = await browser.newPage();
  await signIn(gym, USERS.gymOwner);
  await expect(gym.getByTestId("merchant-name").first()).toHaveText("Iron Temple Gym");
  const response = await gym.goto(customerUrl);
  expect(response?.status()).toBe(404);
  await expect(gym.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(gym.getByText("Lifetime spend")).toHaveCount(0);
});
