// The shape of POST /api/v1/events, kept apart from the route so it can be unit-tested: one event
// object, or {"events": [...]} of up to 1,000. Per-event validation stays in recordEvents.
import type { RecordResult } from "@/lib/events/types";
import { ApiError, apiErrorBody, type ApiErrorBody } from "./errors";
import { API_MAX_BATCH as MAX_BATCH, MAX_IDEMPOTENCY_KEY_LENGTH } from "./limits";

export type EventsRequest = { kind: "single"; input: unknown } | { kind: "batch"; inputs: unknown[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function parseEventsRequest(body: unknown, idempotencyHeader: string | null): EventsRequest {
  if (!isObject(body)) {
    throw new ApiError("validation_error", "Send one event object or {\"events\": [...]}.");
  }
  if ("events" in body) {
    const events = body.events;
    if (!Array.isArray(events)) throw new ApiError("validation_error", "events must be an array of events.", { path: "events" });
    if (events.length === 0) throw new ApiError("validation_error", "events must contain at least one event.", { path: "events" });
    if (events.length > MAX_BATCH) {
      throw new ApiError("batch_too_large", `A batch holds at most ${MAX_BATCH} events; this one has ${events.length}. Split it.`, { path: "events" });
    }
    // A header key cannot say which event it covers; silently ignoring it would turn a retry into
    // duplicates, so it is refused.
    if (idempotencyHeader !== null) {
      throw new ApiError("validation_error", "The Idempotency-Key header applies to single events. In a batch, give each event its own idempotencyKey.", { path: "Idempotency-Key" });
    }
    return { kind: "batch", inputs: events };
  }
  if (idempotencyHeader === null) return { kind: "single", input: body };
  if (idempotencyHeader.length === 0 || idempotencyHeader.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ApiError("validation_error", `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, { path: "Idempotency-Key" });
  }
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== idempotencyHeader) {
    throw new ApiError("validation_error", "The Idempotency-Key header and the body's idempotencyKey differ. Send one of them.", { path: "idempotencyKey" });
  }
  return { kind: "single", input: { ...body, idempotencyKey: idempotencyHeader } };
}

/** `customer.passSerial` inside event 3 becomes `events[3].customer.passSerial`. */
export function batchPath(index: number, path: string | undefined): string {
  if (!path) return `events[${index}]`;
  return path.startsWith("[") ? `events[${index}]${path}` : `events[${index}].${path}`;
}

export type BatchResultBody =
  | { status: "created" | "duplicate"; event: unknown; pass: unknown }
  | { status: "error"; error: ApiErrorBody["error"] };

export function batchResponseBody(results: RecordResult[]): { results: BatchResultBody[] } {
  return {
    results: results.map((result, index) =>
      result.status === "error"
        ? { status: "error", error: apiErrorBody(result.error.code, result.error.message, batchPath(index, result.error.path)).error }
        : { status: result.status, event: result.event, pass: result.pass },
    ),
  };
}

/** 201 for a new event, 200 + Idempotent-Replayed for a replay, 422 for an event we refused. */
export function singleResponse(result: RecordResult): Response {
  if (result.status === "created") return Response.json({ event: result.event, pass: result.pass }, { status: 201 });
  if (result.status === "duplicate") {
    return Response.json({ event: result.event, pass: result.pass }, { status: 200, headers: { "Idempotent-Replayed": "true" } });
  }
  // Per-event failures (including customer_not_found) are 422: the request was understood, the
  // event it describes cannot be recorded.
  return Response.json(apiErrorBody(result.error.code, result.error.message, result.error.path), { status: 422 });
}
