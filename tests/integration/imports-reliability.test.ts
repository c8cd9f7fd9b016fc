// An import survives its database connection being killed and its worker being stopped mid-way:
// it resumes after the last committed chunk, and the counts and events end exactly as an
// uninterrupted import's (nothing recorded twice, nothing lost).
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { importFileJob } from "@/lib/imports/job";
import { suggestMapping } from "@/lib/imports/mapping";
import { processImport } from "@/lib/imports/process";
import { sampleFile } from "@/lib/imports/read";
import { createImport, getImport, type ImportView } from "@/lib/imports/store";
import { startJobs, stopJobs } from "@/lib/jobs/queue";
import { createContext } from "../support/factories";

// Small chunks (the default is 10,000 events), so that the file takes several transactions.
process.env.PUNCHCARD_IMPORT_CHUNK_EVENTS = "1000";
vi.setConfig({ testTimeout: 400_000 });
// This file's app connections carry their own name, so the test kills exactly them.
const APP = "punchcard-reliability";
const url = new URL(process.env.DATABASE_URL!);
url.searchParams.set("application_name", APP);
process.env.DATABASE_URL = url.toString();
const realdata = path.resolve(import.meta.dirname, "../..", "../shared/realdata");
const work = mkdtempSync(path.join(tmpdir(), "punchcard-reliability-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;
const FILE = "online-retail-20k.csv";

async function queueImport(context: MerchantContext) {
  const target = path.join(work, `${Math.random().toString(36).slice(2)}.csv`);
  copyFileSync(path.join(realdata, FILE), target);
  const sample = await sampleFile(target);
  const mapping = suggestMapping(sample.header, sample.rows.map((r) => r.cells));
  mapping.dateOrder = "MDY";
  return createImport(context, { filePath: target, fileName: FILE, fileSize: 1, mapping, readChoices: {}, createdById: context.user.id });
}

async function until(check: () => Promise<boolean>, ms = 300_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finished = async (context: MerchantContext, id: string) => ["succeeded", "failed", "cancelled"].includes((await getImport(context, id)).status);
const eventsOf = (context: MerchantContext, id: string) => db.event.count({ where: { merchantId: context.merchantId, importId: id } });

let reference: ImportView;
beforeAll(async () => {
  const context = await createContext("manager");
  const queued = await queueImport(context);
  await processImport(queued.id, new AbortController().signal);
  reference = await getImport(context, queued.id);
  await startJobs({ jobs: [importFileJob] });
});
afterAll(() => stopJobs({ timeoutMs: 1000 }));

describe("an interrupted import", () => {
  it("resumes to the exact result after its backend is terminated mid-way (pg_terminate_backend)", async () => {
    const context = await createContext("manager");
    const { id } = await queueImport(context);
    await until(async () => (await getImport(context, id)).progress.rowsDone > 0);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL!.replace(APP, "punchcard-test-admin") });
    await admin.connect();
    const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, [APP]);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await until(() => finished(context, id));
    const view = await getImport(context, id);
    expect(view.status).toBe("succeeded");
    expect(view.counts).toEqual(reference.counts);
    expect(await eventsOf(context, id)).toBe(reference.counts.events);
  });

  it("resumes after the worker is stopped mid-way and started again", async () => {
    const context = await createContext("manager");
    const { id } = await queueImport(context);
    await until(async () => (await getImport(context, id)).progress.rowsDone > 0);
    await stopJobs({ timeoutMs: 5000 });
    const stopped = await getImport(context, id);
    expect(stopped.status).toBe("running");
    expect(stopped.progress.rowsDone).toBeLessThanOrEqual(reference.counts.rows);
    // Two write streams, each with its own committed rows: together the import's rows done.
    const streams = async () => (await db.import.findUniqueOrThrow({ where: { id }, select: { rowsDone: true, streamRowsDone: true } }));
    const atStop = await streams();
    expect(atStop.streamRowsDone).toHaveLength(2);
    expect(atStop.streamRowsDone.reduce((a, b) => a + b, 0)).toBe(atStop.rowsDone);
    await startJobs({ jobs: [importFileJob] });
    await until(() => finished(context, id));
    const view = await getImport(context, id);
    expect(view.counts).toEqual(reference.counts);
    expect(await eventsOf(context, id)).toBe(reference.counts.events);
    const atEnd = await streams();
    expect(atEnd.streamRowsDone.reduce((a, b) => a + b, 0)).toBe(reference.counts.rows);
    expect(Math.min(...atEnd.streamRowsDone)).toBeGreaterThan(0);
  });
});
