import { expect, test } from "./factories";

// Outside test-results/, which Playwright empties at the start of every run.
const SHOTS = "e2e-screenshots";

// Reports render a dozen rollup queries and charts; on a busy 2-core machine the first render can
// take longer than expect's 5 s default, so this journey waits up to 30 s for pages.
const SLOW = { timeout: 30_000 };

test.use({ signedInAs: "manager" });

test("a month before the history shows empty charts that say so", async ({ page }) => {
  await page.goto("/reports?month=2001-01");
  await expect(page.getByRole("heading", { name: "January 2001 Summary" })).toBeVisible(SLOW);
  await expect(page.getByText(/No events yet in January 2001: your history starts in/)).toBeVisible();
  await expect(page.getByText("No events in January 2001.").first()).toBeVisible();
  await expect(page.getByTestId("summary-averagePurchase")).toHaveText("none");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/reports-empty-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: `${SHOTS}/reports-empty-768.png`, fullPage: true });
});
