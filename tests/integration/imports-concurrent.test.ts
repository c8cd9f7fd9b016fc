// An import and POS API traffic on the same customers at the same time (and an undo after later
// API events): every pass ends equal to the pass rules' fold of its live events.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { passEventOf } from "@/lib/events/fold";
import { foldEvents, passRules, type EventSourceKind } from "@/lib/events/pass-rules";
import { recordEvents } from "@/lib/events/record";
import type { EventType } from "@/lib/events/registry";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport, undoImport } from "@/lib/imports/store";
import { parseTiers } from "@/lib/loyalty/rules";
import { formatCents } from "@/lib/money";
import { createContext } from "../support/factories";

// Small chunks (the default is 10,000 events), so that the file takes several transactions.
process.env.PUNCHCARD_IMPORT_CHUNK_EVENTS = "1000";
vi.setConfig({ testTimeout: 400_000 });
const realdata = path.resolve(import.meta.dirname, "../..", "../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-concurrent-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

async function expectPassesExact(context: MerchantContext) {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: context.merchantId }, select: { tiers: true } });
  const rules = passRules(parseTiers(merchant.tiers));
  const events = await db.$queryRaw<{ customer_id: string; type: EventType; source: EventSourceKind; occurred_at: Date; amount: string | null; points: number }[]>`
    SELECT customer_id::text, type::text AS type, source::text AS source, occurred_at, amount::text, points FROM events
    WHERE merchant_id = ${context.merchantId}::uuid AND voided_at IS NULL ORDER BY occurred_at, id`;
  const passes = await db.customerPass.findMany({ where: { merchantId: context.merchantId } });
  for (const pass of passes) {
    const fold = foldEvents(events.filter((e) => e.customer_id === pass.customerId).map((e) => passEventOf({ ...e, occurredAt: e.occurred_at })), rules);
    expect({ points: pass.pointsBalance, earned: Number(pass.pointsEarned), visits: pass.visitCount, spend: pass.lifetimeSpend.toFixed(2), tier: pass.tier, last: pass.lastSeenAt?.getTime() ?? null })
      .toEqual({ points: fold.points, earned: fold.pointsEarned, visits: fold.visits, spend: formatCents(fold.spendCents), tier: fold.tier, last: fold.lastActivityAt });
  }
  return passes.length;
}

describe("an import alongside POS traffic", () => {
  it("leaves every pass exact, also after an undo that follows later API events", async () => {
    const context = await createContext("manager");
    const target = path.join(work, "coffee.csv");
    copyFileSync(path.join(realdata, "coffee-vending-bom.csv"), target);
    const sample = await sampleFile(target);
    const view = await createImport(context, { filePath: target, fileName: "coffee.csv", fileSize: 1, mapping: suggestMapping(sample.header, sample.rows.map((r) => r.cells)), readChoices: {} });
    const source = { kind: "api" as const, apiKeyId: context.user.id, apiKeyName: "till" };
    const serial = (i: number) => `ANON-0000-0000-${String(1 + (i % 40)).padStart(4, "0")}`;
    let running = true;
    const traffic = (async () => {
      let i = 0;
      while (running) {
        const inputs = Array.from({ length: 5 }, (_, k) => ({ type: k % 2 ? "visit" : "purchase", amount: k % 2 ? undefined : "12.34", customer: { passSerial: serial(i + k) }, createCustomer: true }));
        await recordEvents(context, inputs, source);
        i += 5;
      }
      return i;
    })();
    await processImport(view.id, new AbortController().signal);
    running = false;
    const posted = await traffic;
    expect(posted).toBeGreaterThan(0);
    expect((await getImport(context, view.id)).status).toBe("succeeded");
    expect(await expectPassesExact(context)).toBeGreaterThan(1000);

    await recordEvents(context, [{ type: "purchase", amount: "500.00", customer: { passSerial: serial(0) } }], source);
    await undoImport(context, view.id, { merchantId: context.merchantId, userId: context.user.id, label: context.user.name });
    await expectPassesExact(context);
    // Customers that also had API events stay; the import's own ones go.
    expect(await db.customer.count({ where: { merchantId: context.merchantId, passSerial: serial(0) } })).toBe(1);
    expect(await db.event.count({ where: { merchantId: context.merchantId, source: "import" } })).toBe(0);
  });
});
