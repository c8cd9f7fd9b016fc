// The imports API through its route handlers: multipart upload (413 over the cap), the status
// shape, the error file, undo; the job runs on the real queue.
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiHandlerFor } from "@/lib/api/routes";
import { importFileJob } from "@/lib/imports/job";
import { startJobs, stopJobs } from "@/lib/jobs/queue";
import { apiRequest, createApiKey } from "../support/api-keys";
import { createMerchant } from "../support/factories";

vi.setConfig({ testTimeout: 240_000 });
process.env.PUNCHCARD_IMPORTS_DIR = mkdtempSync(path.join(tmpdir(), "punchcard-imports-api-"));
const realdata = path.resolve(import.meta.dirname, "../../../shared/realdata");

const call = (method: string, route: string, secret: string, init: RequestInit = {}) =>
  apiHandlerFor(method, route)(apiRequest(route, secret, { method, ...init } as RequestInit & { headers?: Record<string, string> }));

function form(file: Buffer | string, name: string, fields: Record<string, string> = {}) {
  const data = new FormData();
  data.append("file", new Blob([typeof file === "string" ? file : new Uint8Array(file)]), name);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

async function until(check: () => Promise<boolean>, ms = 200_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let secret: string;
beforeAll(async () => {
  const merchant = await createMerchant();
  secret = (await createApiKey(merchant.id)).secret;
  await startJobs({ jobs: [importFileJob] });
});
afterAll(() => stopJobs({ timeoutMs: 2000 }));

describe("POST /api/v1/imports", () => {
  it("imports the coffee file with the suggested mapping: 202, status, error file, undo", async () => {
    const response = await call("POST", "/api/v1/imports", secret, { body: form(readFileSync(path.join(realdata, "coffee-vending-bom.csv")), "coffee.csv") });
    expect(response.status).toBe(202);
    const { id, mapping } = (await response.json()) as { id: string; mapping: { customer: { identifyBy: string; column: string; create: boolean } } };
    expect(mapping.customer).toMatchObject({ identifyBy: "passSerial", column: "card", create: true });
    let status: { status: string; progress: { rowsDone: number; rowsTotal: number }; counts: Record<string, number>; errorsUrl: string | null } | undefined;
    await until(async () => {
      status = (await (await call("GET", `/api/v1/imports/${id}`, secret)).json()) as typeof status;
      return status!.status === "succeeded" || status!.status === "failed";
    });
    expect(status).toMatchObject({ status: "succeeded", progress: { rowsDone: 3636, rowsTotal: 3636 }, counts: { rows: 3636, events: 3547, customersCreated: 1316, duplicates: 0, errors: 89 } });
    expect(status!.errorsUrl).toBe(`/api/v1/imports/${id}/errors`);
    const errors = await (await call("GET", `/api/v1/imports/${id}/errors`, secret)).text();
    const lines = errors.trim().split("\r\n");
    expect(lines[0]).toBe("line,reason,date,datetime,cash_type,card,money,coffee_name");
    expect(lines).toHaveLength(90);
    const undone = await call("POST", `/api/v1/imports/${id}/undo`, secret);
    expect(((await undone.json()) as { status: string }).status).toBe("undone");
  });

  it("refuses a file over 100 MB with 413 before reading it", async () => {
    const response = await call("POST", "/api/v1/imports", secret, {
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(101 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("refuses an unreadable file and a mapping naming missing columns with 422 and a reason", async () => {
    const empty = await call("POST", "/api/v1/imports", secret, { body: form("", "empty.csv") });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/empty/);
    const mapping = JSON.stringify({ customer: { identifyBy: "email", column: "nope" }, eventType: { fixed: "visit" }, when: { column: "date" } });
    const bad = await call("POST", "/api/v1/imports", secret, { body: form("date,email\n2024-01-01,a@b.c\n", "a.csv", { mapping }) });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/nope/);
  });

  it("answers 404 for another merchant's import", async () => {
    const other = await createApiKey((await createMerchant()).id);
    const response = await call("POST", "/api/v1/imports", secret, { body: form("date,email\n2024-01-01,a@b.c\n", "a.csv") });
    const { id } = (await response.json()) as { id: string };
    expect((await call("GET", `/api/v1/imports/${id}`, other.secret)).status).toBe(404);
  });
});
