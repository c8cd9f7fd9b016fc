// Cancel with "undo it": the running import stops after its current chunk and everything it
// committed is undone — no events, no customers, passes and rollups as before.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { cancelAndUndoImport, createImport, getImport } from "@/lib/imports/store";
import { createContext } from "../support/factories";

vi.setConfig({ testTimeout: 240_000 });
const realdata = path.resolve(import.meta.dirname, "../../../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-cancel-undo-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

describe("cancel, then undo", () => {
  it("stops a running import and undoes what it committed", async () => {
    const context = await createContext("manager");
    const target = path.join(work, "coffee.csv");
    copyFileSync(path.join(realdata, "coffee-vending-bom.csv"), target);
    const sample = await sampleFile(target);
    const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
    const created = await createImport(context, { filePath: target, fileName: "coffee.csv", fileSize: 1, mapping, readChoices: {}, createdById: context.user.id });
    const running = processImport(created.id, new AbortController().signal);
    // Wait for the first committed chunk, then cancel with undo.
    for (let i = 0; i < 400 && (await getImport(context, created.id)).progress.rowsDone === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const actor = { merchantId: context.merchantId, userId: context.user.id, label: context.user.name };
    const [undone] = await Promise.all([cancelAndUndoImport(context, created.id, actor), running]);
    expect(undone.status).toBe("undone");
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(0);
    expect(await db.customer.count({ where: { merchantId: context.merchantId } })).toBe(0);
    const rollups = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM daily_rollups WHERE merchant_id = ${context.merchantId}::uuid AND (count <> 0 OR amount <> 0 OR points <> 0)`;
    expect(Number(rollups[0]!.n)).toBe(0);
  });
});
