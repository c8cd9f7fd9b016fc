import { expect, test } from "./factories";
import { signIn, uniqueEmail } from "./helpers";

// A new member's initial password is masked with its rules written out; the member then changes
// it themselves from the account menu and signs in with the new one.
test("a new staff member changes their own password", async ({ browser, pageAs }) => {
  const owner = await pageAs("owner");
  await owner.goto("/settings/team");
  const email = uniqueEmail("own-password");
  const form = owner.locator("form").filter({ has: owner.getByRole("button", { name: "Add member" }) });
  await form.getByLabel("Name").fill("Pat Password");
  await form.getByLabel("Email").fill(email);
  const initial = form.getByLabel("Initial password", { exact: true });
  await expect(initial).toHaveAttribute("type", "password");
  await expect(form.getByText("At least 10 characters")).toBeVisible();
  await initial.fill("first-day-password");
  await form.getByRole("button", { name: "Show password" }).click();
  await expect(initial).toHaveAttribute("type", "text");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(owner.getByRole("status")).toContainText("Team member added");

  const member = await browser.newPage();
  await signIn(member, email, "first-day-password");
  await member.getByLabel(/Account menu/).first().click();
  await member.getByRole("link", { name: "Change password" }).first().click();
  await expect(member.getByRole("heading", { name: "Your account" })).toBeVisible();
  await member.getByLabel("Current password", { exact: true }).fill("not-my-password");
  await member.getByLabel("New password", { exact: true }).fill("second-day-password");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByText("That is not your current password.")).toBeVisible();
  await member.getByLabel("Current password", { exact: true }).fill("first-day-password");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member.getByRole("status")).toContainText("Password changed");

  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await signIn(again, email, "second-day-password");
  await fresh.close();
});
