// The OpenAPI 3.1 document of the POS API, generated from the zod schemas the API validates with
// (the event input side of eventInputSchema, the registry's per-type data fields, the query and
// response schemas), so the published contract cannot drift from the code. Pure: no I/O.
import { z } from "zod";
import { dataSchemaFor, EVENT_REGISTRY, EVENT_TYPES } from "@/lib/events/registry";
import { eventInputSchema } from "@/lib/events/schema";
import { segmentsOpenApiPaths, segmentsOpenApiSchemas } from "@/lib/segments/openapi";
import { API_ERROR_STATUS } from "./errors";
import { importPaths, importSchemas } from "./openapi-imports";
import { API_MAX_BATCH, MAX_BODY_BYTES, MAX_IDEMPOTENCY_KEY_LENGTH } from "./limits";
import {
  batchResponseSchema, customerLookupSchema, errorBodySchema, eventPageSchema, listEventsQuerySchema, lookupQuerySchema, monthlyReportQuerySchema, monthlyReportSchema,
  recordedResponseSchema,
} from "./schemas";

type JsonSchema = Record<string, unknown>;

/** A zod schema as an embeddable JSON Schema (2020-12 is OpenAPI 3.1's dialect). */
function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });

/** The type-specific rules the registry adds on top of the common shape, as if/then clauses. */
function eventInputJsonSchema(): JsonSchema {
  const base = jsonSchema(eventInputSchema, "input");
  const rules = EVENT_TYPES.map((type) => {
    const spec = EVENT_REGISTRY[type];
    const then: JsonSchema = { properties: { data: ref(`EventData_${type}`) } };
    if (spec.amount === "required") then.required = ["amount"];
    if (spec.amount === "none") (then.properties as JsonSchema).amount = false;
    if (type === "custom") then.required = ["customName"];
    else (then.properties as JsonSchema).customName = false;
    return { if: { properties: { type: { const: type } }, required: ["type"] }, then };
  });
  const table = EVENT_TYPES.map((type) => {
    const spec = EVENT_REGISTRY[type];
    const fields = spec.fields.map((f) => `${f.key}${f.required ? " (required)" : ""}`).join(", ") || "—";
    return `| ${type} | ${spec.label} | ${spec.amount} | ${fields} |`;
  });
  return {
    ...base,
    allOf: rules,
    description: [
      "One event. Identify the customer by passSerial, externalId, email or id; set createCustomer to create an unknown one (customer.name/email/phone are used).",
      "`amount` is an exact decimal (number or string, at most 2 decimals). `location` is a location name or id.",
      "",
      "| type | label | amount | data fields |",
      "|---|---|---|---|",
      ...table,
    ].join("\n"),
    examples: [{ type: "purchase", customer: { passSerial: "BB-7K2M9Q4X" }, amount: "127.50", location: "Downtown", data: { items: 4 }, idempotencyKey: "till-3-receipt-88412" }],
  };
}

function errorResponse(description: string, example: { code: string; message: string; path?: string }, headers?: JsonSchema) {
  return { description, content: { "application/json": { schema: ref("Error"), example: { error: example } } }, ...(headers ? { headers } : {}) };
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const properties = (jsonSchema(schema, "input").properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: false, schema: rest, ...(description ? { description } : {}) };
  });
}

export function buildOpenApiDocument(): JsonSchema {
  const dataSchemas = Object.fromEntries(EVENT_TYPES.map((type) => [`EventData_${type}`, jsonSchema(dataSchemaFor(type), "input")]));
  const common = {
    "401": { $ref: "#/components/responses/Unauthenticated" },
    "429": { $ref: "#/components/responses/RateLimited" },
    "500": { $ref: "#/components/responses/InternalError" },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Punchcard point-of-sale API",
      version: "1.0.0",
      description:
        "Record loyalty events from a point of sale and look passes up after a scan. Authenticate with an API key " +
        "(Settings → API keys) as `Authorization: Bearer pc_live_…`. Each key is rate-limited to its requests per second " +
        "with bursts of twice that, counted per app instance. Error codes are stable; messages are for people.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "events" }, { name: "customers" }, { name: "reports" }, { name: "segments" }],
    paths: {
      "/api/v1/events": {
        post: {
          tags: ["events"],
          operationId: "recordEvents",
          summary: "Record one event, or a batch of up to 1,000",
          description:
            `Send one event object, or \`{"events": [...]}\` with up to ${API_MAX_BATCH} events (each with its own idempotencyKey). ` +
            `Bodies above ${MAX_BODY_BYTES} bytes are refused with 413. A single event answers 201, or 200 with ` +
            "`Idempotent-Replayed: true` when its key was already used with the same body (the original event is returned). " +
            "A batch answers 200 with one result per event, in order: valid events are recorded, invalid ones are reported with a path like `events[3].amount`.",
          parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
          requestBody: {
            required: true,
            content: json({ oneOf: [ref("EventInput"), ref("EventBatch")] }),
          },
          responses: {
            "201": { description: "The event was recorded.", content: json(ref("RecordedEvent")) },
            "200": {
              description: "A replay of an idempotency key (single event), or the per-event results of a batch.",
              headers: { "Idempotent-Replayed": { description: "`true` when this answers a replay.", schema: { type: "string", enum: ["true"] } } },
              content: json({ oneOf: [ref("RecordedEvent"), ref("BatchResults")] }),
            },
            "400": errorResponse("The body is not valid JSON.", { code: "invalid_json", message: "The request body is not valid JSON" }),
            "413": errorResponse("The body is larger than 1 MiB.", { code: "payload_too_large", message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }),
            "422": errorResponse(
              "The event cannot be recorded: validation_error, batch_too_large, customer_not_found, customer_ambiguous, customer_deleted, unknown_location, insufficient_points or idempotency_conflict.",
              { code: "validation_error", message: "amount is required for a purchase", path: "amount" },
            ),
            ...common,
          },
        },
        get: {
          tags: ["events"],
          operationId: "listEvents",
          summary: "List events newest first",
          description: "Cursor-paginated: pass `nextCursor` as `cursor` until it is null. With `customer`, that customer's history.",
          parameters: queryParameters(listEventsQuerySchema),
          responses: {
            "200": { description: "A page of events.", content: json(ref("EventPage")) },
            "404": errorResponse("No customer has that id or pass serial.", { code: "customer_not_found", message: "No customer has the id or pass serial “BB-0000”.", path: "customer" }),
            "422": errorResponse("A query parameter is invalid.", { code: "invalid_cursor", message: "cursor is not one this API returned.", path: "cursor" }),
            ...common,
          },
        },
      },
      "/api/v1/customers/lookup": {
        get: {
          tags: ["customers"],
          operationId: "lookupCustomer",
          summary: "Look a customer up after a scan",
          description: "Give exactly one of passSerial, externalId or email.",
          parameters: queryParameters(lookupQuerySchema),
          responses: {
            "200": { description: "The customer and their pass.", content: json(ref("CustomerLookup")) },
            "404": errorResponse("No customer of this merchant matches.", { code: "customer_not_found", message: "No customer matches this lookup." }),
            "422": errorResponse("Invalid query, or several customers share the email (customer_ambiguous).", { code: "validation_error", message: "Give exactly one of passSerial, externalId or email." }),
            ...common,
          },
        },
      },
      "/api/v1/reports/monthly": {
        get: {
          tags: ["reports"],
          operationId: "monthlyReport",
          summary: "The monthly summary",
          description: "Exact figures for one merchant-local month (voided events never count), with the previous month for comparison. Money as decimal strings in the merchant's currency.",
          parameters: queryParameters(monthlyReportQuerySchema),
          responses: {
            "200": {
              description: "The month's figures.",
              content: {
                "application/json": {
                  schema: ref("MonthlyReport"),
                  example: {
                    month: "2025-01", timeZone: "America/New_York", currency: "USD", totalEvents: 12450, purchases: 8230, revenue: "156789.00", averagePurchase: "19.05",
                    visits: 3890, checkIns: 0, redemptions: 330, activeCustomers: 2140, newCustomers: 310, returningCustomers: 1830, pointsIssued: 156420, pointsRedeemed: 33000,
                    byType: { purchase: 8230, visit: 3890, redemption: 330, "custom:Birthday": 12 }, previous: { totalEvents: 11100 },
                  },
                },
              },
            },
            "422": errorResponse("month is not YYYY-MM, or the location is unknown.", { code: "validation_error", message: "month must look like 2025-01", path: "month" }),
            ...common,
          },
        },
      },
      ...importPaths(common, errorResponse),
      ...segmentsOpenApiPaths(),
      "/api/v1/openapi.json": {
        get: { operationId: "openApiDocument", summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document", content: json({ type: "object" }) } } },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys, e.g. `pc_live_…`." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Single-event requests only: retries with the same key and body return the original event; the same key with a different body is refused (idempotency_conflict). Keys are per merchant.",
          schema: { type: "string", minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
        },
      },
      responses: {
        Unauthenticated: errorResponse("The API key is missing, malformed, unknown or revoked.", { code: "unauthenticated", message: "This API key is not valid." }),
        RateLimited: errorResponse(
          "Too many requests for this key; retry after the given number of seconds.",
          { code: "rate_limited", message: "Too many requests for this API key. Retry in 1 s." },
          { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer", minimum: 1 } } },
        ),
        InternalError: errorResponse("Unexpected failure; nothing was recorded. Retry with the same Idempotency-Key.", { code: "internal_error", message: "Something went wrong on our side." }),
      },
      schemas: {
        EventInput: eventInputJsonSchema(),
        EventBatch: { type: "object", required: ["events"], properties: { events: { type: "array", minItems: 1, maxItems: API_MAX_BATCH, items: ref("EventInput") } } },
        ...dataSchemas,
        RecordedEvent: jsonSchema(recordedResponseSchema),
        BatchResults: jsonSchema(batchResponseSchema),
        EventPage: jsonSchema(eventPageSchema),
        CustomerLookup: jsonSchema(customerLookupSchema),
        MonthlyReport: jsonSchema(monthlyReportSchema),
        ...importSchemas(jsonSchema),
        ...segmentsOpenApiSchemas(),
        Error: { ...jsonSchema(errorBodySchema), description: `Codes and their HTTP status: ${Object.entries(API_ERROR_STATUS).map(([c, s]) => `${c} ${s}`).join(", ")}.` },
      },
    },
  };
}
