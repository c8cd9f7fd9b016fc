// Reports right after an import: the chunks' report deltas wait in the queue (lib/reports/fresh.ts);
// the first Reports read folds them, and its figures (monthly totals, return intervals) equal the
// direct aggregates over the events, with nothing left to fold after it.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport } from "@/lib/imports/store";
import { returnIntervals } from "@/lib/reports/charts";
import { returnIntervalsDirect } from "@/lib/reports/direct-charts";
import { monthlyFiguresDirect } from "@/lib/reports/direct";
import { foldPendingReports } from "@/lib/reports/fresh";
import { monthlySummary } from "@/lib/reports/monthly";
import { createContext } from "../support/factories";

// Small chunks (the default is 10,000 events), so that the file takes several transactions.
process.env.PUNCHCARD_IMPORT_CHUNK_EVENTS = "1000";
vi.setConfig({ testTimeout: 400_000 });
const realdata = path.resolve(import.meta.dirname, "../..", "../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-import-reports-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

const queued = async (merchantId: string) =>
  Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM report_pending WHERE merchant_id = ${merchantId}::uuid`)[0]?.n ?? 0);

describe("reports after an import", () => {
  it.each([
    { file: "online-retail-20k.csv", dateOrder: "MDY" as const },
    { file: "coffee-vending-bom.csv", dateOrder: undefined },
  ])("after the import of $file, the first read folds the queue and equals the direct aggregates", async ({ file, dateOrder }) => {
    const context = await createContext("manager");
    const target = path.join(work, file);
    copyFileSync(path.join(realdata, file), target);
    const sample = await sampleFile(target);
    const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
    if (dateOrder) mapping.dateOrder = dateOrder;
    const view = await createImport(context, { filePath: target, fileName: file, fileSize: 1, mapping, readChoices: {} });
    const started = performance.now();
    await processImport(view.id, new AbortController().signal);
    const importMs = performance.now() - started;
    const result = await getImport(context, view.id);
    expect(result.status).toBe("succeeded");
    expect(result.counts.events).toBeGreaterThan(500);
    expect(await queued(context.merchantId)).toBeGreaterThan(0);

    const months = await db.$queryRaw<{ month: string }[]>`
      SELECT DISTINCT to_char(occurred_at AT TIME ZONE ${context.merchant.timeZone}, 'YYYY-MM') AS month FROM events
      WHERE merchant_id = ${context.merchantId}::uuid ORDER BY 1`;
    expect(months.length).toBeGreaterThan(0);
    const read = performance.now();
    const first = await monthlySummary(context, { month: months[0]!.month });
    const firstReadMs = performance.now() - read;
    for (const { month } of months) {
      const { month: _m, timeZone: _t, currency: _c, previous: _p, ...figures } = month === months[0]!.month ? first : await monthlySummary(context, { month });
      expect({ month, ...figures }).toEqual({ month, ...(await monthlyFiguresDirect(context, month, null)) });
      expect({ month, returns: await returnIntervals(context, month, null) }).toEqual({ month, returns: await returnIntervalsDirect(context, month, null) });
    }
    expect(await foldPendingReports(context)).toBe(0);
    console.info(`import of ${result.counts.rows} rows (${result.counts.events} events): ${importMs.toFixed(0)} ms; first monthly read after it: ${firstReadMs.toFixed(1)} ms`);
  });
});
