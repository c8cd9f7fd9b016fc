// POST /api/v1/imports with kind=customers: a contact list through the API, the suggested
// mapping returned, its status with kind and counts, and a wrong kind refused.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiHandlerFor } from "@/lib/api/routes";
import { importFileJob } from "@/lib/imports/job";
import { startJobs, stopJobs } from "@/lib/jobs/queue";
import { apiRequest, createApiKey } from "../support/api-keys";
import { createMerchant } from "../support/factories";

vi.setConfig({ testTimeout: 120_000 });
process.env.PUNCHCARD_IMPORTS_DIR = mkdtempSync(path.join(tmpdir(), "punchcard-customers-api-"));

const call = (method: string, route: string, secret: string, init: RequestInit = {}) =>
  apiHandlerFor(method, route)(apiRequest(route, secret, { method, ...init } as RequestInit & { headers?: Record<string, string> }));

function form(text: string, fields: Record<string, string>) {
  const data = new FormData();
  data.append("file", new Blob([text]), "members.csv");
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

let secret: string;
beforeAll(async () => {
  const merchant = await createMerchant();
  secret = (await createApiKey(merchant.id)).secret;
  await startJobs({ jobs: [importFileJob] });
});
afterAll(() => stopJobs({ timeoutMs: 2000 }));

describe("POST /api/v1/imports kind=customers", () => {
  it("imports a contact list with the suggested mapping", async () => {
    const csv = "Card,Email,Points\r\nAPI-1,a@example.com,100\r\nAPI-2,b@example.com,\r\n";
    const response = await call("POST", "/api/v1/imports", secret, { body: form(csv, { kind: "customers" }) });
    expect(response.status).toBe(202);
    const started = (await response.json()) as { id: string; kind: string; mapping: Record<string, string> };
    expect(started).toMatchObject({ kind: "customers", mapping: { kind: "customers", passSerialColumn: "Card", emailColumn: "Email", pointsColumn: "Points" } });
    let body: { status: string; kind: string; counts: Record<string, number>; summary: { pointsAwarded: number } | null } | undefined;
    const end = Date.now() + 100_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      body = (await (await call("GET", `/api/v1/imports/${started.id}`, secret)).json()) as typeof body;
    } while (body && ["queued", "running"].includes(body.status) && Date.now() < end);
    expect(body).toMatchObject({ status: "succeeded", kind: "customers", counts: { rows: 2, customersCreated: 2, customersUpdated: 0, events: 1, errors: 0 }, summary: { pointsAwarded: 100 } });
  });

  it("refuses an unknown kind and a mapping without an identifier", async () => {
    const bad = await call("POST", "/api/v1/imports", secret, { body: form("Card\r\nX\r\n", { kind: "orders" }) });
    expect(bad.status).toBe(422);
    const none = await call("POST", "/api/v1/imports", secret, { body: form("Card\r\nX\r\n", { kind: "customers", mapping: JSON.stringify({ nameColumn: "Card" }) }) });
    expect(none.status).toBe(422);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/identifies a customer/);
  });
});
