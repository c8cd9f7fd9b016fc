// Issue #10 over real HTTP against the production server: adding a member reveals no other merchant's users (point 17).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { createMerchant, expect, test } from "./factories";
import { uniqueEmail } from "./helpers";

test.use({ signedInAs: "owner" });

test("#10.17 adding a member whose email is registered at another merchant reveals nothing", async ({ page, request }) => {
  const other = await createMerchant(request, { label: "team-email-other", customers: 5, events: 50 });
  await page.goto("/settings/team");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add member" }) });
  const add = async (email: string) => {
    await form.getByLabel("Name").fill("Someone");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("first-day-password");
    await form.getByRole("button", { name: "Add member" }).click();
  };
  const before = (await form.textContent()) ?? "";
  await add(other.users.owner.email);
  await expect.poll(async () => (await form.textContent()) !== before).toBe(true);
  await expect(page.getByRole("status")).toHaveCount(0);
  const text = (await form.textContent()) ?? "";
  expect(text).not.toMatch(/already has|registered|another (shop|merchant|business)|Punchcard account|exists/i);
  // An address nobody has is added as usual.
  await add(uniqueEmail("new-member"));
  await expect(page.getByRole("status")).toContainText("Team member added");
});
