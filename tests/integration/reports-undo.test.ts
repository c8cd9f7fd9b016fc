// An import's undo deletes its events outright (no void): the report rollups must lose them too,
// as the monthly totals and every chart read them, while a customer deletion keeps them.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, undoImport } from "@/lib/imports/store";
import { returnIntervals } from "@/lib/reports/charts";
import { returnIntervalsDirect } from "@/lib/reports/direct-charts";
import { monthlyFiguresDirect } from "@/lib/reports/direct";
import { foldPendingReports } from "@/lib/reports/fresh";
import { monthlySummary } from "@/lib/reports/monthly";
import { createContext } from "../support/factories";

const realdata = path.resolve(import.meta.dirname, "../../../shared/realdata");
vi.setConfig({ testTimeout: 240_000 });
process.env.PUNCHCARD_IMPORTS_DIR ??= mkdtempSync(path.join(tmpdir(), "punchcard-reports-undo-"));

describe("reports after an import is undone", () => {
  it("count none of the undone import's events, exactly as a direct aggregate", async () => {
    const context = await createContext("manager", { timeZone: "Europe/London" });
    const target = path.join(process.env.PUNCHCARD_IMPORTS_DIR ?? "", `${Math.random().toString(36).slice(2)}-coffee.csv`);
    copyFileSync(path.join(realdata, "coffee-vending-bom.csv"), target);
    const sample = await sampleFile(target);
    const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
    const created = await createImport(context, { filePath: target, fileName: "coffee.csv", fileSize: 1, mapping, readChoices: {}, createdById: context.user.id });
    await processImport(created.id, new AbortController().signal);
    const m = context.merchantId;
    // The import's events wait in the report queue until something reads reports.
    expect(await foldPendingReports(context)).toBeGreaterThan(0);
    const months = await db.$queryRaw<{ month: string }[]>`
      SELECT DISTINCT to_char(month, 'YYYY-MM') AS month FROM report_monthly_rollups WHERE merchant_id = ${m}::uuid AND count > 0 ORDER BY 1`;
    expect(months.length).toBeGreaterThan(0);
    const month = months[0]?.month ?? "";
    expect((await monthlySummary(context, { month })).totalEvents).toBeGreaterThan(0);

    await undoImport(context, created.id, { merchantId: m, userId: context.user.id, label: context.user.name });
    for (const { month: mo } of months) {
      const { month: _m, timeZone: _t, currency: _c, previous: _p, ...figures } = await monthlySummary(context, { month: mo });
      expect({ mo, ...figures }).toEqual({ mo, ...(await monthlyFiguresDirect(context, mo, null)) });
      expect({ mo, returns: await returnIntervals(context, mo, null) }).toEqual({ mo, returns: await returnIntervalsDirect(context, mo, null) });
    }
    await foldPendingReports(context);
    const [left] = await db.$queryRaw<{ monthly: bigint; hourly: bigint; counts: bigint; returns: bigint }[]>`
      SELECT (SELECT count(*) FROM report_monthly_rollups WHERE merchant_id = ${m}::uuid AND (count <> 0 OR amount <> 0)) AS monthly,
             (SELECT count(*) FROM report_hourly_rollups WHERE merchant_id = ${m}::uuid AND (count <> 0 OR amount <> 0)) AS hourly,
             (SELECT count(*) FROM report_customer_counts WHERE merchant_id = ${m}::uuid AND (active <> 0 OR new <> 0)) AS counts,
             (SELECT count(*) FROM report_return_customers WHERE merchant_id = ${m}::uuid AND visitors <> 0) AS returns`;
    expect(left).toEqual({ monthly: BigInt(0), hourly: BigInt(0), counts: BigInt(0), returns: BigInt(0) });
  });
});
