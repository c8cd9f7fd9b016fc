import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/events/registry";
import { API_ERROR_STATUS } from "./errors";
import { buildOpenApiDocument } from "./openapi";

type Json = Record<string, unknown>;

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

function resolve(doc: Json, pointer: string): unknown {
  return pointer.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

describe("OpenAPI document", () => {
  const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Json;
  const components = doc.components as Json;
  const schemas = components.schemas as Json;

  it("is OpenAPI 3.1 and survives a JSON round trip", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toEqual(buildOpenApiDocument());
  });

  it("names every event type, with a data schema each", () => {
    const input = schemas.EventInput as { properties: { type: { enum: string[] } }; allOf: unknown[] };
    expect(input.properties.type.enum).toEqual([...EVENT_TYPES]);
    expect(input.allOf).toHaveLength(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) expect(schemas[`EventData_${type}`]).toBeTypeOf("object");
    expect(schemas.EventData_redemption).toMatchObject({ required: ["reward", "pointsCost"] });
  });

  it("documents the endpoints, bearer auth, the idempotency header and the error responses", () => {
    const paths = doc.paths as Record<string, Json>;
    expect(Object.keys(paths).sort()).toEqual([
      "/api/v1/customers/lookup", "/api/v1/events", "/api/v1/imports", "/api/v1/imports/{id}", "/api/v1/imports/{id}/errors", "/api/v1/imports/{id}/undo", "/api/v1/openapi.json", "/api/v1/reports/monthly",
      "/api/v1/segments", "/api/v1/segments/preview", "/api/v1/segments/templates", "/api/v1/segments/{id}/members",
    ].sort());
    expect(Object.keys((paths["/api/v1/imports"]?.post as { responses: Json }).responses).sort()).toEqual(["202", "401", "413", "422", "429", "500"]);
    expect(components.securitySchemes).toMatchObject({ bearerAuth: { type: "http", scheme: "bearer" } });
    const post = paths["/api/v1/events"]?.post as { responses: Json; parameters: unknown[] };
    expect(Object.keys(post.responses).sort()).toEqual(["200", "201", "400", "401", "413", "422", "429", "500"]);
    expect(post.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect((components.responses as Json).RateLimited).toMatchObject({ headers: { "Retry-After": {} } });
    const codes = (schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } }).properties.error.properties.code.enum;
    expect(codes.sort()).toEqual(Object.keys(API_ERROR_STATUS).sort());
    expect((paths["/api/v1/openapi.json"]?.get as Json).security).toEqual([]);
  });

  it("has no dangling $ref", () => {
    for (const ref of collectRefs(doc)) expect(resolve(doc, ref), ref).toBeDefined();
  });
});
