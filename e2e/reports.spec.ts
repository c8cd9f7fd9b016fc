import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./factories";

// Outside test-results/, which Playwright empties at the start of every run.
const SHOTS = "e2e-screenshots";

// Reports render a dozen rollup queries and charts; on a busy 2-core machine the first render can
// take longer than expect's 5 s default, so this journey waits up to 30 s for pages.
const SLOW = { timeout: 30_000 };

test.use({ signedInAs: "owner" });

function monthName(offset: number): { value: string; label: string } {
  // Factory merchants are in New York, as Brew & Bean; a month boundary race at midnight is not worth guarding here.
  const now = new Date(new Date().toLocaleString("en-US", { timeZone: "America/New_York" }));
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return { value: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`, label: d.toLocaleDateString("en-US", { month: "long", year: "numeric" }) };
}

async function chartsRendered(page: Page) {
  await expect(page.getByTestId("chart-events-per-day").locator(".recharts-surface").first()).toBeVisible(SLOW);
  await expect(page.getByTestId("chart-revenue-and-purchases").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("chart-busiest-times-visits").locator("td[title]").first()).toBeVisible();
}

test("an owner reads the month, changes it, filters a location and exports CSV", async ({ page, merchant }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Reports", exact: true }).click();
  const current = monthName(0);
  await expect(page.getByRole("heading", { name: `${current.label} Summary` })).toBeVisible(SLOW);
  await expect(page.getByText("so far this month")).toBeVisible();

  const last = monthName(-1);
  await page.getByRole("combobox", { name: "Month" }).selectOption(last.value);
  await expect(page).toHaveURL(new RegExp(`month=${last.value}`), SLOW);
  await expect(page.getByRole("heading", { name: `${last.label} Summary` })).toBeVisible(SLOW);
  await expect(page.getByText("so far this month")).toHaveCount(0);
  const total = await page.getByTestId("summary-totalEvents").textContent();
  expect(Number(total?.replace(/,/g, ""))).toBeGreaterThan(0);
  await chartsRendered(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/reports-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await chartsRendered(page);
  await page.screenshot({ path: `${SHOTS}/reports-768.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("combobox", { name: "Location" }).selectOption("Downtown");
  await expect(page).toHaveURL(/location=Downtown/, SLOW);
  await expect(page.getByText("Downtown ·")).toBeVisible(SLOW);
  const downtown = await page.getByTestId("summary-totalEvents").textContent();
  expect(Number(downtown?.replace(/,/g, ""))).toBeLessThan(Number(total?.replace(/,/g, "")));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${merchant.name.toLowerCase().replace(/[^\w.-]+/g, "-")}-report-downtown-${last.value}.csv`);
  const csv = readFileSync((await download.path()) ?? "", "utf8");
  expect(csv).toContain(`Figure,${last.label},${monthName(-2).label}`);
  expect(csv).toContain("Location,Downtown");
  expect(csv.split("\r\n").filter((l) => l.startsWith(`${last.value}-`)).length).toBeGreaterThanOrEqual(28);

  // The same numbers over the API, which answers to a key (not to the session).
  const api = await page.request.get(`/api/v1/reports/monthly?month=${last.value}&location=Downtown`, { headers: { Authorization: `Bearer ${merchant.apiKey}` } });
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { totalEvents: number }).totalEvents).toBe(Number(downtown?.replace(/,/g, "")));
  const session = await page.request.get(`/api/v1/reports/monthly?month=${last.value}`);
  expect(session.status()).toBe(401);
});
