import "server-only";
// The segments endpoints of the API (see docs/api.md): templates, preview, saved segments and a
// saved segment's members with a cursor. Registered in lib/api/routes.ts, re-exported by
// app/api/v1/segments/**/route.ts. The API key decides the merchant; another merchant's segment id is a 404.
import { readJsonBody } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { withApiKey } from "@/lib/api/handler";
import { queryParams } from "@/lib/api/query";
import { decodeMemberCursor, encodeMemberCursor, membersQuerySchema, previewRequestSchema } from "./api-schemas";
import { parseDefinition, type SegmentDefinition } from "./definition";
import { compileFor, loadCompileEnv, membersAfter, previewSegment } from "./evaluate";
import { explainMembers } from "./explain";
import { getSegment, listSegments } from "./saved";
import { SEGMENT_TEMPLATES } from "./templates";

/** A definition from a request body, or a 422 naming the offending part (`conditions[2].window.days`). */
export function definitionFromBody(body: unknown): SegmentDefinition {
  const request = previewRequestSchema.safeParse(body);
  if (!request.success || request.data.definition === undefined) throw new ApiError("validation_error", "Send {\"definition\": …}.", { path: "definition" });
  const parsed = parseDefinition(request.data.definition);
  if (!parsed.ok) throw new ApiError("validation_error", parsed.message, { path: parsed.path });
  return parsed.definition;
}

/** GET /api/v1/segments/templates */
export const getSegmentTemplates = withApiKey("GET /api/v1/segments/templates", async () =>
  Response.json(SEGMENT_TEMPLATES.map(({ key, name, description, definition }) => ({ key, name, description, definition }))),
);

/** POST /api/v1/segments/preview */
export const postSegmentPreview = withApiKey("POST /api/v1/segments/preview", async (request, { scope }) => {
  const definition = definitionFromBody(await readJsonBody(request));
  const { count, totalCustomers, members } = await previewSegment(scope, definition);
  return Response.json({ count, totalCustomers, members });
});

/** GET /api/v1/segments */
export const getSegments = withApiKey("GET /api/v1/segments", async (_request, { scope }) => {
  const { segments } = await listSegments(scope);
  return Response.json(segments.map((s) => ({
    id: s.id, name: s.name, description: s.description, definition: s.definition, count: s.count,
    createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  })));
});

export const SEGMENT_MEMBERS_PATH = /^\/api\/v1\/segments\/([^/]+)\/members$/;

/** GET /api/v1/segments/{id}/members */
export const getSegmentMembers = withApiKey("GET /api/v1/segments/{id}/members", async (request, { scope }) => {
  const id = decodeURIComponent(SEGMENT_MEMBERS_PATH.exec(new URL(request.url).pathname)?.[1] ?? "");
  const query = queryParams(request, membersQuerySchema);
  const after = query.cursor === undefined ? null : decodeMemberCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw new ApiError("invalid_cursor", "cursor is not one this API returned. Start again without it.", { path: "cursor" });
  const segment = await getSegment(scope, id);
  const env = await loadCompileEnv(scope);
  const rows = await membersAfter(compileFor(env, segment.definition, segment.id), after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const values = await explainMembers(env, segment.definition, page, scope.merchant.currency);
  const last = page.at(-1);
  return Response.json({
    data: page.map((m) => ({
      id: m.id, passSerial: m.passSerial, name: m.name, email: m.email, phone: m.phone, tier: m.tier, passStatus: m.passStatus,
      pointsBalance: m.pointsBalance, visitCount: m.visitCount, lifetimeSpend: m.lifetimeSpend, values: values.get(m.id) ?? [],
    })),
    nextCursor: rows.length > query.limit && last ? encodeMemberCursor(last.id) : null,
  });
});
