import { describe, expect, it } from "vitest";
import type { RecordResult } from "@/lib/events/types";
import { ApiError } from "./errors";
import { batchPath, batchResponseBody, parseEventsRequest, singleResponse } from "./events-request";

const event = { type: "visit", customer: { passSerial: "BB-1" } };

function refusal(fn: () => unknown): string {
  try {
    fn();
    return "none";
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code} ${error.path ?? ""}`.trim() : "other";
  }
}

describe("parseEventsRequest", () => {
  it("takes one event and applies the Idempotency-Key header to it", () => {
    expect(parseEventsRequest(event, null)).toEqual({ kind: "single", input: event });
    expect(parseEventsRequest(event, "k-1")).toEqual({ kind: "single", input: { ...event, idempotencyKey: "k-1" } });
    expect(parseEventsRequest({ ...event, idempotencyKey: "k-1" }, "k-1").kind).toBe("single");
  });

  it("takes a batch of up to 1,000 and refuses more with batch_too_large", () => {
    expect(parseEventsRequest({ events: [event, event] }, null)).toEqual({ kind: "batch", inputs: [event, event] });
    expect(parseEventsRequest({ events: Array(1000).fill(event) }, null).kind).toBe("batch");
    expect(refusal(() => parseEventsRequest({ events: Array(1001).fill(event) }, null))).toBe("422 batch_too_large events");
  });

  it("refuses shapes it cannot read, naming the field", () => {
    expect(refusal(() => parseEventsRequest([event], null))).toBe("422 validation_error");
    expect(refusal(() => parseEventsRequest("visit", null))).toBe("422 validation_error");
    expect(refusal(() => parseEventsRequest({ events: {} }, null))).toBe("422 validation_error events");
    expect(refusal(() => parseEventsRequest({ events: [] }, null))).toBe("422 validation_error events");
    expect(refusal(() => parseEventsRequest({ events: [event] }, "k"))).toBe("422 validation_error Idempotency-Key");
    expect(refusal(() => parseEventsRequest(event, "x".repeat(256)))).toBe("422 validation_error Idempotency-Key");
    expect(refusal(() => parseEventsRequest({ ...event, idempotencyKey: "a" }, "b"))).toBe("422 validation_error idempotencyKey");
  });
});

describe("responses", () => {
  const recorded = {
    event: { id: "e1", type: "visit", customName: null, customerId: "c1", occurredAt: "2025-01-01T00:00:00.000Z", amount: null, points: 0, location: null, data: {}, source: "api", idempotencyKey: null },
    pass: { pointsBalance: 1, visitCount: 1, lifetimeSpend: "0.00", tier: null },
  } as const;

  it("prefixes batch error paths with the event's index", () => {
    expect(batchPath(3, "amount")).toBe("events[3].amount");
    expect(batchPath(0, "customer.passSerial")).toBe("events[0].customer.passSerial");
    expect(batchPath(2, undefined)).toBe("events[2]");
    const results: RecordResult[] = [
      { status: "created", ...recorded },
      { status: "error", error: { code: "validation_error", message: "bad", path: "amount" } },
    ];
    expect(batchResponseBody(results).results[1]).toEqual({ status: "error", error: { code: "validation_error", message: "bad", path: "events[1].amount" } });
  });

  it("answers 201, a 200 replay with Idempotent-Replayed, and 422 for refused events", async () => {
    expect(singleResponse({ status: "created", ...recorded }).status).toBe(201);
    const replay = singleResponse({ status: "duplicate", ...recorded });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const refused = singleResponse({ status: "error", error: { code: "customer_not_found", message: "No", path: "customer" } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: { code: "customer_not_found", message: "No", path: "customer" } });
  });
});
