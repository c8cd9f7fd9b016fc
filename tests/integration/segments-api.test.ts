// The segments API through its route table (apiHandlerFor), with real keys, plus saved-segment
// management: duplicate, rename, delete refused while used, cycles refused, tenancy.
import { describe, expect, it } from "vitest";
import { apiHandlerFor } from "@/lib/api/routes";
import type { MerchantContext } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createSegment, deleteSegment, duplicateSegment, getSegment, updateSegment } from "@/lib/segments/saved";
import { segmentTemplate } from "@/lib/segments/templates";
import { apiRequest, createApiKey } from "../support/api-keys";
import { addEvents, createCustomer } from "../support/customer-fixtures";
import { createContext } from "../support/factories";

type Json = Record<string, unknown> & { error?: { code: string; path?: string } };

async function setup() {
  const context = await createContext("manager");
  const { secret } = await createApiKey(context.merchantId, { rateLimitPerSecond: 1000 });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await apiHandlerFor(method, new URL(`http://x${path}`).pathname)(apiRequest(path, secret, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) }));
    return { status: response.status, body: (await response.json()) as Json & Json[] };
  };
  return { context, call };
}

async function buyers(context: MerchantContext, n: number) {
  for (let i = 0; i < n; i++) {
    const c = await createCustomer(context, { name: `Buyer ${i}` });
    await addEvents(context, c.id, Array.from({ length: 5 }, (_, j) => ({ type: "purchase" as const, at: new Date(Date.now() - (j + 1) * 86_400_000).toISOString(), amount: "20.00", points: 20 })));
  }
  await createCustomer(context, { name: "Nobody" });
}

describe("segments API", () => {
  it("serves the templates with the issue's keys", async () => {
    const { call } = await setup();
    const res = await call("GET", "/api/v1/segments/templates");
    expect(res.status).toBe(200);
    expect(res.body.map((t) => t.key)).toContain("lapsed_90d");
    expect(res.body[0]).toEqual({ key: "new_signups_week", name: expect.any(String), description: expect.any(String), definition: expect.any(Object) });
  });

  it("previews a definition, and answers 422 with the path of the offending part", async () => {
    const { context, call } = await setup();
    await buyers(context, 3);
    const ok = await call("POST", "/api/v1/segments/preview", { definition: segmentTemplate("purchases_5_plus")!.definition });
    expect(ok).toMatchObject({ status: 200, body: { count: 3, totalCustomers: 4 } });
    expect(Object.keys(ok.body).sort()).toEqual(["count", "members", "totalCustomers"]);
    expect((ok.body.members as Json[])[0]).toEqual({ id: expect.any(String), passSerial: expect.any(String), name: expect.stringMatching(/^Buyer/) });
    const bad = await call("POST", "/api/v1/segments/preview", {
      definition: { match: "all", conditions: [
        { kind: "has", event: { types: ["visit"] }, window: { kind: "all_time" }, has: true },
        { kind: "has", event: { types: ["visit"] }, window: { kind: "all_time" }, has: true },
        { kind: "count", event: { types: ["check_in"] }, window: { kind: "last_days", days: -3 }, compare: { op: "gte", value: 1 } },
      ] },
    });
    expect(bad).toMatchObject({ status: 422, body: { error: { code: "validation_error", path: "conditions[2].window.days" } } });
    expect(await call("POST", "/api/v1/segments/preview", {})).toMatchObject({ status: 422, body: { error: { path: "definition" } } });
  });

  it("lists saved segments with counts and pages members with a cursor; another merchant's id is 404", async () => {
    const { context, call } = await setup();
    await buyers(context, 3);
    const saved = await createSegment(context, { name: "Regulars", definition: segmentTemplate("purchases_5_plus")!.definition });
    const list = await call("GET", "/api/v1/segments");
    expect(list.body).toEqual([expect.objectContaining({ id: saved.id, name: "Regulars", count: 3 })]);
    const first = await call("GET", `/api/v1/segments/${saved.id}/members?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect((first.body.data as Json[])[0]?.values).toEqual(["purchases: 5"]);
    const second = await call("GET", `/api/v1/segments/${saved.id}/members?limit=2&cursor=${first.body.nextCursor as string}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(await call("GET", `/api/v1/segments/${saved.id}/members?cursor=nonsense`)).toMatchObject({ status: 422, body: { error: { code: "invalid_cursor" } } });

    const other = await setup();
    expect(await other.call("GET", `/api/v1/segments/${saved.id}/members`)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await other.call("GET", "/api/v1/segments")).toMatchObject({ status: 200, body: [] });
    // A definition naming another merchant's segment counts nobody there.
    const foreign = await other.call("POST", "/api/v1/segments/preview", { definition: { match: "all", conditions: [{ kind: "member_of", segmentId: saved.id, member: true }] } });
    expect(foreign.body).toMatchObject({ count: 0 });
  });
});

describe("saved segments", () => {
  it("duplicates, renames, refuses deleting a segment in use (naming the users) and refuses cycles", async () => {
    const context = await createContext("manager");
    const base = await createSegment(context, { name: "Base", definition: segmentTemplate("uninstalled")!.definition });
    const user = await createSegment(context, { name: "Uses base", definition: { kind: "group", match: "all", conditions: [{ kind: "member_of", segmentId: base.id, member: false }] } });
    const copy = await duplicateSegment(context, base.id);
    expect(copy.name).toBe("Base (copy)");
    expect((await duplicateSegment(context, base.id)).name).toBe("Base (copy 2)");
    await updateSegment(context, copy.id, { name: "Renamed" });
    expect((await getSegment(context, copy.id)).name).toBe("Renamed");
    await expect(updateSegment(context, copy.id, { name: "Base" })).rejects.toMatchObject({ code: "conflict" });
    await expect(deleteSegment(context, base.id)).rejects.toThrow(/used by “Uses base”/);
    await expect(updateSegment(context, base.id, { definition: { match: "all", conditions: [{ kind: "member_of", segmentId: user.id, member: true }] } })).rejects.toMatchObject({ code: "validation_error", message: expect.stringContaining("would include itself") });
    await deleteSegment(context, user.id);
    await deleteSegment(context, base.id);
    await expect(getSegment(context, base.id)).rejects.toBeInstanceOf(AppError);
  });

  it("refuses staff", async () => {
    const staff = await createContext("staff");
    await expect(createSegment(staff, { name: "X", definition: { match: "all", conditions: [] } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
