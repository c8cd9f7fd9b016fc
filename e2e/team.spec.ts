import { expect, test } from "./factories";
import { signIn, uniqueEmail } from "./helpers";

test("owner adds a staff member, changes the role, and disabling ends their session", async ({ browser, pageAs }) => {
  const owner = await pageAs("owner");
  await owner.goto("/settings/team");

  const email = uniqueEmail("barista");
  const form = owner.locator("form").filter({ has: owner.getByRole("button", { name: "Add member" }) });
  await form.getByLabel("Name").fill("Bea Barista");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("staff");
  await form.getByLabel("Initial password").fill("first-day-password");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(owner.getByRole("status")).toContainText("Team member added");
  const row = owner.getByTestId(`member-${email}`);
  await expect(row).toBeVisible();

  const member = await browser.newPage();
  await signIn(member, email, "first-day-password");
  expect((await member.goto("/reports"))?.status()).toBe(403);

  // Promote to manager, after saying what it means: takes effect on the member's next request.
  await row.getByLabel("Role for Bea Barista").selectOption("manager");
  const roleConfirm = row.getByRole("group", { name: "Change Bea Barista’s role" });
  await expect(roleConfirm).toContainText("Make Bea Barista manager?");
  await roleConfirm.getByRole("button", { name: "Make manager" }).click();
  await expect(row.getByLabel("Role for Bea Barista")).toHaveValue("manager");
  await expect.poll(async () => (await member.goto("/reports"))?.status()).toBe(200);

  // "Team (N)" counts members who can sign in; disabling asks first, and Cancel changes nothing.
  const teamCount = async () => Number((await owner.getByRole("heading", { name: /^Team \(\d+\)$/ }).textContent())?.match(/\d+/)?.[0]);
  const before = await teamCount();
  await row.getByRole("button", { name: "Disable" }).click();
  const disableConfirm = row.getByRole("group", { name: "Disable Bea Barista" });
  await expect(disableConfirm).toContainText("signed out at once");
  await disableConfirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByText("Disabled")).toHaveCount(0);
  await row.getByRole("button", { name: "Disable" }).click();
  await row.getByRole("group", { name: "Disable Bea Barista" }).getByRole("button", { name: "Disable member" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await expect.poll(teamCount).toBe(before - 1);
  await member.goto("/customers");
  await expect(member).toHaveURL(/\/login/);

  // And they cannot sign in again.
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill("first-day-password");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByTestId("form-error")).toContainText("do not match");
});
