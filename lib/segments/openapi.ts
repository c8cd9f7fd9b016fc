// The segments part of the OpenAPI document (paths and schemas), generated from the zod schemas
// of api-schemas.ts and merged into lib/api/openapi.ts. Pure: no I/O.
import { z } from "zod";
import { memberPageSchema, membersQuerySchema, previewResponseSchema, savedSegmentListSchema, templateListSchema } from "./api-schemas";
import { SEGMENT_TEMPLATES } from "./templates";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const error = (description: string, code: string, message: string, path?: string) => ({
  description, content: { "application/json": { schema: ref("Error"), example: { error: path ? { code, message, path } : { code, message } } } },
});
const common = {
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "429": { $ref: "#/components/responses/RateLimited" },
  "500": { $ref: "#/components/responses/InternalError" },
};

export function segmentsOpenApiPaths(): JsonSchema {
  const example = SEGMENT_TEMPLATES.find((t) => t.key === "gym_regulars")?.definition;
  return {
    "/api/v1/segments/templates": {
      get: {
        tags: ["segments"], operationId: "listSegmentTemplates", summary: "Segment templates",
        description: "Ready-made definitions by stable key (e.g. `gym_regulars`, `lapsed_90d`); send one to preview, or edit it first.",
        responses: { "200": { description: "Every template.", content: json(ref("SegmentTemplates")) }, ...common },
      },
    },
    "/api/v1/segments/preview": {
      post: {
        tags: ["segments"], operationId: "previewSegment", summary: "Count a definition's members now",
        description: "Computed when asked, exactly, in the merchant's time zone. An invalid definition answers 422 with the path of the offending part relative to the definition.",
        requestBody: { required: true, content: json({ type: "object", required: ["definition"], properties: { definition: ref("SegmentDefinition") }, examples: [{ definition: example }] }) },
        responses: {
          "200": { description: "Count, all customers, and the first members.", content: json(ref("SegmentPreview")) },
          "400": error("The body is not valid JSON.", "invalid_json", "The request body is not valid JSON"),
          "422": error("The definition is not valid.", "validation_error", "Use 1 or more", "conditions[2].window.days"),
          ...common,
        },
      },
    },
    "/api/v1/segments": {
      get: {
        tags: ["segments"], operationId: "listSegments", summary: "Saved segments with their current counts",
        responses: { "200": { description: "Saved segments, by name.", content: json(ref("SavedSegments")) }, ...common },
      },
    },
    "/api/v1/segments/{id}/members": {
      get: {
        tags: ["segments"], operationId: "listSegmentMembers", summary: "A saved segment's members",
        description: "Cursor-paginated in a stable order: pass `nextCursor` as `cursor` until it is null. `values` says what put each member in.",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ...Object.entries((jsonSchema(membersQuerySchema, "input").properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
        ],
        responses: {
          "200": { description: "A page of members.", content: json(ref("SegmentMemberPage")) },
          "404": error("No segment of this merchant has that id.", "not_found", "That segment was not found."),
          "422": error("Invalid limit or cursor.", "invalid_cursor", "cursor is not one this API returned.", "cursor"),
          ...common,
        },
      },
    },
  };
}

export function segmentsOpenApiSchemas(): JsonSchema {
  return {
    SegmentDefinition: { type: "object", description: "See docs/api.md (Segments) for the grammar; every template is an example.", additionalProperties: true },
    SegmentTemplates: jsonSchema(templateListSchema),
    SegmentPreview: jsonSchema(previewResponseSchema),
    SavedSegments: jsonSchema(savedSegmentListSchema),
    SegmentMemberPage: jsonSchema(memberPageSchema),
  };
}
