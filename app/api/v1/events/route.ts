// POST records one event or a batch; GET lists events newest first. See docs/api.md.
import { readJsonBody } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { EventCoalescer } from "@/lib/api/coalesce";
import { batchResponseBody, parseEventsRequest, singleResponse } from "@/lib/api/events-request";
import { withApiKey } from "@/lib/api/handler";
import { queryParams } from "@/lib/api/query";
import { listEventsQuerySchema } from "@/lib/api/schemas";
import { recordEvents } from "@/lib/events/record";
import { decodeEventCursor, findCustomerId, listEvents } from "@/lib/events/list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Single events of one key share transactions under load (see lib/api/coalesce.ts).
const coalescer = new EventCoalescer(recordEvents);

export const POST = withApiKey("POST /api/v1/events", async (request, { scope, apiKey }) => {
  const body = await readJsonBody(request);
  const parsed = parseEventsRequest(body, request.headers.get("idempotency-key"));
  const source = { kind: "api", apiKeyId: apiKey.id, apiKeyName: apiKey.name } as const;
  if (parsed.kind === "single") {
    return singleResponse(await coalescer.submit(scope, source, parsed.input));
  }
  return Response.json(batchResponseBody(await recordEvents(scope, parsed.inputs, source)), { status: 200 });
});

export const GET = withApiKey("GET /api/v1/events", async (request, { scope }) => {
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
