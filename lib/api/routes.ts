import "server-only";
// The POS API's route handlers, one implementation each, and the table of method + path → handler.
// app/api/v1/**/route.ts re-export them, so `next dev` (and `next build`) serve them through Next;
// in production scripts/run.ts serves the table through lib/api/server.ts without Next's router,
// which costs about a millisecond of CPU per request (see README, "How it is built").
// Module state (the coalescer here, the rate-limit buckets in handler.ts) lives in lib so that a
// process has one of each, whichever front serves the request. See docs/api.md for the contract.
import { readJsonBody } from "@/lib/api/body";
import { EventCoalescer } from "@/lib/api/coalesce";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { batchResponseBody, parseEventsRequest, singleResponse } from "@/lib/api/events-request";
import { withApiKey } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { queryParams } from "@/lib/api/query";
import { listEventsQuerySchema, lookupQuerySchema, monthlyReportQuerySchema } from "@/lib/api/schemas";
import { lookupCustomer, type CustomerLookupRef } from "@/lib/customers/lookup";
import { decodeEventCursor, findCustomerId, listEvents } from "@/lib/events/list";
import { recordEvents } from "@/lib/events/record";
import { textStreamResponse } from "@/lib/http/text-stream";
import { parseEventInput } from "@/lib/events/schema";
import { monthlySummary, reportMonth, resolveReportLocation } from "@/lib/reports/monthly";
import { apiImportStatus, startApiImport } from "@/lib/imports/api";
import { errorFileName, errorRowsCsvForImport, undoImport } from "@/lib/imports/store";
import { getSegmentMembers, getSegments, getSegmentTemplates, postSegmentPreview, SEGMENT_MEMBERS_PATH } from "@/lib/segments/api";

export type ApiHandler = (request: Request) => Promise<Response>;

// Single events of one key share transactions under load (see lib/api/coalesce.ts).
const coalescer = new EventCoalescer(recordEvents);

/** POST /api/v1/events: one event or a batch of up to 1,000. */
export const postEvents: ApiHandler = withApiKey("POST /api/v1/events", async (request, { scope, apiKey }) => {
  const body = await readJsonBody(request);
  const parsed = parseEventsRequest(body, request.headers.get("idempotency-key"));
  const source = { kind: "api", apiKeyId: apiKey.id, apiKeyName: apiKey.name } as const;
  if (parsed.kind === "single") {
    // Refused here, before it queues for a transaction with other events of this key.
    const checked = parseEventInput(parsed.input);
    if (!checked.success) return singleResponse({ status: "error", error: { code: "validation_error", message: checked.message, path: checked.path } });
    return singleResponse(await coalescer.submit(scope, source, parsed.input));
  }
  return Response.json(batchResponseBody(await recordEvents(scope, parsed.inputs, source)), { status: 200 });
});

/** GET /api/v1/events: the merchant's (or one customer's) events, newest first, cursor-paginated. */
export const getEvents: ApiHandler = withApiKey("GET /api/v1/events", async (request, { scope }) => {
  const query = queryParams(request, listEventsQuerySchema);
  const cursor = query.cursor === undefined ? null : decodeEventCursor(query.cursor);
  if (query.cursor !== undefined && !cursor) throw new ApiError("invalid_cursor", "cursor is not one this API returned. Start again without it.", { path: "cursor" });
  let customerId: string | undefined;
  if (query.customer) {
    customerId = (await findCustomerId(scope, query.customer)) ?? undefined;
    if (!customerId) throw new ApiError("customer_not_found", `No customer has the id or pass serial “${query.customer}”.`, { path: "customer" });
  }
  return Response.json(await listEvents(scope, { customerId, type: query.type, limit: query.limit, cursor }));
});

/** GET /api/v1/customers/lookup: answers a scan at the counter — who is this pass, what is on it. */
export const getCustomerLookup: ApiHandler = withApiKey("GET /api/v1/customers/lookup", async (request, { scope }) => {
  const query = queryParams(request, lookupQuerySchema);
  const ref: CustomerLookupRef = query.passSerial ? { passSerial: query.passSerial } : query.externalId ? { externalId: query.externalId } : { email: query.email ?? "" };
  const result = await lookupCustomer(scope, ref);
  if (result.status === "ambiguous") {
    throw new ApiError("customer_ambiguous", "Several customers share this email; look the customer up by passSerial or externalId.", { path: "email" });
  }
  if (result.status === "not_found") throw new ApiError("customer_not_found", "No customer matches this lookup.");
  return Response.json(result.lookup);
});

/** GET /api/v1/reports/monthly: the monthly summary, so owners can pull their numbers into a sheet. */
export const getMonthlyReport: ApiHandler = withApiKey("GET /api/v1/reports/monthly", async (request, { scope }) => {
  const query = queryParams(request, monthlyReportQuerySchema);
  const location = await resolveReportLocation(scope, query.location);
  return Response.json(await monthlySummary(scope, { month: reportMonth(scope, query.month), location }));
});

const IMPORT_ID = /^\/api\/v1\/imports\/([0-9a-f-]{36})(?:\/(?:undo|errors))?$/i;

function importIdOf(request: Request): string {
  const match = IMPORT_ID.exec(new URL(request.url).pathname);
  if (!match) throw new ApiError("not_found", "There is no such import.");
  return match[1]!.toLowerCase();
}

/** POST /api/v1/imports: multipart `file` + `mapping` (JSON or a template name) + `dryRun`; 202 with the id. */
export const postImports: ApiHandler = withApiKey("POST /api/v1/imports", async (request, { scope, apiKey }) => {
  const started = await startApiImport(scope, apiKey.id, request);
  return Response.json(started, { status: 202, headers: { Location: `/api/v1/imports/${started.id}` } });
});

/** GET /api/v1/imports/{id}: status, progress and counts. */
export const getImportStatus: ApiHandler = withApiKey("GET /api/v1/imports/{id}", async (request, { scope }) => {
  return Response.json(await apiImportStatus(scope, importIdOf(request)));
});

/** GET /api/v1/imports/{id}/errors: the error rows as CSV (line, reason, the original row). */
export const getImportErrors: ApiHandler = withApiKey("GET /api/v1/imports/{id}/errors", async (request, { scope }) => {
  const id = importIdOf(request);
  const fileName = await errorFileName(scope, id); // 404 before any byte of the body
  return textStreamResponse(errorRowsCsvForImport(scope, id), { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` });
});

/** POST /api/v1/imports/{id}/undo: removes what the import created. */
export const postImportUndo: ApiHandler = withApiKey("POST /api/v1/imports/{id}/undo", async (request, { scope, apiKey }) => {
  const view = await undoImport(scope, importIdOf(request), { merchantId: scope.merchantId, apiKeyId: apiKey.id, label: apiKey.name });
  return Response.json(await apiImportStatus(scope, view.id));
});

let openApiJson: string | undefined;

/** GET /api/v1/openapi.json: public, it describes the contract, not any data. Built once per process. */
export async function getOpenApiDocument(): Promise<Response> {
  openApiJson ??= JSON.stringify(buildOpenApiDocument());
  return new Response(openApiJson, { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
}

/** Any path under /api/v1 that is not an endpoint: the API's JSON 404 rather than an HTML page. */
export async function apiNotFound(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  return errorResponse(new ApiError("not_found", `There is no endpoint ${pathname}. The API is described at /api/v1/openapi.json.`), "not found");
}

type Method = "GET" | "POST";

export const API_ROUTES: Readonly<Record<string, Readonly<Partial<Record<Method, ApiHandler>>>>> = {
  "/api/v1/events": { GET: getEvents, POST: postEvents },
  "/api/v1/customers/lookup": { GET: getCustomerLookup },
  "/api/v1/reports/monthly": { GET: getMonthlyReport },
  "/api/v1/openapi.json": { GET: getOpenApiDocument },
  "/api/v1/imports": { POST: postImports },
  "/api/v1/segments": { GET: getSegments },
  "/api/v1/segments/templates": { GET: getSegmentTemplates },
  "/api/v1/segments/preview": { POST: postSegmentPreview },
};

/** Paths with an id in them, tried in order when no fixed path matches. */
export const API_PATTERNS: readonly { pattern: RegExp; methods: Readonly<Partial<Record<Method, ApiHandler>>> }[] = [
  { pattern: /^\/api\/v1\/imports\/[0-9a-f-]{36}$/i, methods: { GET: getImportStatus } },
  { pattern: /^\/api\/v1\/imports\/[0-9a-f-]{36}\/undo$/i, methods: { POST: postImportUndo } },
  { pattern: /^\/api\/v1\/imports\/[0-9a-f-]{36}\/errors$/i, methods: { GET: getImportErrors } },
  { pattern: SEGMENT_MEMBERS_PATH, methods: { GET: getSegmentMembers } },
];

/**
 * The handler for a method and path of the API: the endpoint's own, or one answering the JSON
 * 404 (unknown path) or 405 with `Allow` (known path, other method). HEAD runs GET (Node drops
 * the body); OPTIONS answers 204 with `Allow`, as Next does for route handlers.
 */
export function apiHandlerFor(method: string, pathname: string): ApiHandler {
  const methods = Object.hasOwn(API_ROUTES, pathname) ? API_ROUTES[pathname] : API_PATTERNS.find((p) => p.pattern.test(pathname))?.methods;
  if (!methods) return apiNotFound;
  const own = method === "HEAD" ? "GET" : method;
  const handler = Object.hasOwn(methods, own) ? methods[own as Method] : undefined;
  if (handler) return handler;
  const allow = [...Object.keys(methods), ...("GET" in methods ? ["HEAD"] : []), "OPTIONS"].join(", ");
  if (method === "OPTIONS") return async () => new Response(null, { status: 204, headers: { Allow: allow } });
  return async () =>
    errorResponse(new ApiError("method_not_allowed", `${pathname} does not accept ${method}; it accepts ${allow}.`, { headers: { Allow: allow } }), "method not allowed");
}
