// The dry run of the events kind on real PostgreSQL: the whole file through the real write path in
// a transaction that is rolled back — the same counts as the import, its summary (errors by reason,
// points awarded, tier changes) equal to what the real import then does, and nothing written.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport } from "@/lib/imports/store";
import { reasonKind } from "@/lib/imports/summary";
import { createContext } from "../support/factories";

vi.setConfig({ testTimeout: 240_000 });
const realdata = path.resolve(import.meta.dirname, "../../../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-dry-run-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

async function run(context: MerchantContext, dryRun: boolean) {
  const target = path.join(work, `${Math.random().toString(36).slice(2)}.csv`);
  copyFileSync(path.join(realdata, "coffee-vending-bom.csv"), target);
  const sample = await sampleFile(target);
  const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
  const created = await createImport(context, { filePath: target, fileName: "coffee.csv", fileSize: 1, mapping, readChoices: {}, createdById: context.user.id, dryRun });
  await processImport(created.id, new AbortController().signal);
  return getImport(context, created.id);
}

describe("the dry run", () => {
  it("gives the import's own counts and pass changes, and writes nothing", async () => {
    const context = await createContext("manager");
    // Low tier thresholds so the file's spend moves customers up.
    await db.merchant.update({ where: { id: context.merchantId }, data: { tiers: [{ name: "Silver", minSpend: "20" }, { name: "Gold", minSpend: "100" }] } });
    const dry = await run(context, true);
    expect(dry.status).toBe("succeeded");
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: context.merchantId } })).toBe(0);
    expect(dry.summary?.errorsByReason).toEqual([{ reason: "No customer: the “card” cell is empty.", rows: dry.counts.errors }]);

    const real = await run(context, false);
    expect(real.counts).toEqual(dry.counts);
    const points = await db.customerPass.aggregate({ where: { merchantId: context.merchantId }, _sum: { pointsBalance: true } });
    const tiered = await db.customerPass.count({ where: { merchantId: context.merchantId, tier: { not: null } } });
    expect(dry.summary).toMatchObject({ pointsAwarded: points._sum.pointsBalance, tierChanges: tiered });
    expect(tiered).toBeGreaterThan(0);
    expect(real.summary).toMatchObject({ pointsAwarded: points._sum.pointsBalance });
  });

  it("groups reasons without the rows' own values", () => {
    expect(reasonKind("“12,x” in “Amount” is not an amount.", ["Amount"])).toBe("“…” in “Amount” is not an amount.");
    expect(reasonKind("Part of order 536365, which has an error on line 4.", [])).toBe("Part of order N, which has an error on line N.");
  });
});
