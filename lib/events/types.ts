import type { EventType } from "./registry";

/** Who or what recorded events; stored on each event and shown in its history. */
export type EventSourceRef =
  | { kind: "manual"; userId: string; userName: string }
  | { kind: "api"; apiKeyId: string; apiKeyName: string }
  | { kind: "import"; importId: string; label?: string }
  | { kind: "automation"; automationRunId: string; label?: string };

export interface PassState {
  pointsBalance: number;
  visitCount: number;
  lifetimeSpend: string;
  tier: string | null;
}

export interface RecordedEvent {
  id: string;
  type: EventType;
  customName: string | null;
  customerId: string;
  occurredAt: string;
  amount: string | null;
  points: number;
  location: string | null;
  data: Record<string, unknown>;
  source: EventSourceRef["kind"];
  idempotencyKey: string | null;
}

/** Stable, documented error codes for one event. */
export type EventErrorCode =
  | "validation_error"
  | "customer_not_found"
  | "customer_ambiguous"
  | "customer_deleted"
  | "unknown_location"
  | "insufficient_points"
  | "idempotency_conflict";

export interface EventError {
  code: EventErrorCode;
  message: string;
  path?: string;
}

export type RecordResult =
  | { status: "created"; event: RecordedEvent; pass: PassState }
  | { status: "duplicate"; event: RecordedEvent; pass: PassState }
  | { status: "error"; error: EventError };
