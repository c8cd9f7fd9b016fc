// Zod schemas of the POS API's query strings and responses. The routes validate with the query
// schemas and the OpenAPI document is generated from all of them, so docs and code cannot drift.
import { z } from "zod";
import { EVENT_SOURCES, EVENT_TYPES } from "@/lib/events/registry";
import { storableString } from "@/lib/validation/storable";
import { API_ERROR_STATUS, type ApiErrorCode } from "./errors";
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from "./limits";

export const listEventsQuerySchema = z.object({
  customer: storableString("customer").trim().min(1).max(100).optional().describe("Customer id or pass serial. Without it, all of the merchant's events."),
  type: z.enum(EVENT_TYPES, { error: `type must be one of: ${EVENT_TYPES.join(", ")}` }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT, `limit can be at most ${MAX_LIST_LIMIT}`).default(DEFAULT_LIST_LIMIT),
  cursor: storableString("cursor").min(1).max(200).optional().describe("nextCursor from the previous page."),
});

export const lookupQuerySchema = z
  .object({
    passSerial: storableString("passSerial").trim().min(1).max(100).optional(),
    externalId: storableString("externalId").trim().min(1).max(200).optional(),
    email: z.email("email must be an email address").trim().max(320).optional(),
  })
  .refine((q) => [q.passSerial, q.externalId, q.email].filter((v) => v !== undefined).length === 1, {
    message: "Give exactly one of passSerial, externalId or email.",
  });

const money = z.string().regex(/^\d+\.\d{2}$/).describe("Exact decimal as a string, e.g. \"127.50\".");

export const passStateSchema = z.object({
  pointsBalance: z.number().int(),
  visitCount: z.number().int(),
  tier: z.string().nullable(),
  lifetimeSpend: money,
});

export const recordedEventSchema = z.object({
  id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  customName: z.string().nullable(),
  customerId: z.uuid(),
  occurredAt: z.iso.datetime(),
  amount: money.nullable(),
  points: z.number().int().describe("Signed change to the points balance caused by this event."),
  location: z.string().nullable().describe("Location name."),
  data: z.record(z.string(), z.unknown()),
  source: z.enum(EVENT_SOURCES),
  idempotencyKey: z.string().nullable(),
});

export const listedEventSchema = recordedEventSchema.extend({
  voidedAt: z.iso.datetime().nullable(),
  recordedAt: z.iso.datetime(),
});

export const recordedResponseSchema = z.object({ event: recordedEventSchema, pass: passStateSchema });

const errorCodes = Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string().describe("For people; may change. Switch on code."),
    path: z.string().optional().describe("The field at fault, e.g. events[3].amount or customer.passSerial."),
  }),
});

export const batchResponseSchema = z.object({
  results: z.array(
    z.discriminatedUnion("status", [
      z.object({ status: z.literal("created"), event: recordedEventSchema, pass: passStateSchema }),
      z.object({ status: z.literal("duplicate"), event: recordedEventSchema, pass: passStateSchema }),
      z.object({ status: z.literal("error"), error: errorBodySchema.shape.error }),
    ]),
  ).describe("One result per submitted event, in order."),
});

export const eventPageSchema = z.object({ data: z.array(listedEventSchema), nextCursor: z.string().nullable() });

export const customerLookupSchema = z.object({
  customer: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    externalId: z.string().nullable(),
    passSerial: z.string(),
    passStatus: z.enum(["not_installed", "installed", "uninstalled"]),
  }),
  pass: passStateSchema.extend({ lastSeenAt: z.iso.datetime().nullable() }),
});

export const monthlyReportQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must look like 2025-01").optional().describe("The merchant-local month, YYYY-MM. Default: the current month in the merchant's time zone."),
  location: z.string().trim().min(1).max(100).optional().describe("A location name or id: every figure then counts only that location's events."),
});

const monthlyFiguresSchema = z.object({
  totalEvents: z.number().int().describe("Events of any type in the month (voided events never count)."),
  purchases: z.number().int(),
  revenue: money.describe("Sum of the purchases' amounts."),
  averagePurchase: money.nullable().describe("revenue ÷ purchases, rounded half up to the cent; null without purchases."),
  visits: z.number().int(),
  checkIns: z.number().int(),
  redemptions: z.number().int(),
  activeCustomers: z.number().int().describe("Distinct customers with activity in the month: any event except notification_received and pass_uninstalled, never one recorded by an automation."),
  newCustomers: z.number().int().describe("Active customers whose first activity ever (at the location, when filtered) falls in the month."),
  returningCustomers: z.number().int().describe("Active customers who also had activity before the month."),
  pointsIssued: z.number().int().describe("Sum of the positive points."),
  pointsRedeemed: z.number().int().describe("Sum of the negative points, as a positive number."),
  byType: z.record(z.string(), z.number().int()).describe("Count of every event type (zeros included); custom events by name as \"custom:<name>\"."),
});

export const monthlyReportSchema = monthlyFiguresSchema.extend({
  month: z.string().describe("YYYY-MM"),
  timeZone: z.string().describe("The merchant's IANA time zone, in which months start and end."),
  currency: z.string().describe("ISO 4217 code of revenue and averagePurchase."),
  previous: monthlyFiguresSchema.describe("The same figures for the month before."),
});
