// The imports endpoints of the OpenAPI document (kept apart from the events part, which is long
// enough on its own). The mapping schema is the zod schema the API validates with.
import { z } from "zod";
import { customersMappingSchema } from "@/lib/imports/customer-rows";
import { mappingSchema } from "@/lib/imports/mapping";
import { MAX_UPLOAD_BYTES } from "@/lib/imports/limits";

type JsonSchema = Record<string, unknown>;
type ErrorResponse = (description: string, example: { code: string; message: string; path?: string }) => JsonSchema;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export function importSchemas(jsonSchema: (schema: z.ZodType, io?: "input" | "output") => JsonSchema): Record<string, JsonSchema> {
  const count = { type: "integer", minimum: 0 };
  return {
    ImportMapping: jsonSchema(mappingSchema, "input"),
    CustomersImportMapping: jsonSchema(customersMappingSchema, "input"),
    ImportStatus: {
      type: "object",
      required: ["id", "status", "kind", "progress", "counts", "errorsUrl"],
      properties: {
        id: { type: "string", format: "uuid" },
        kind: { enum: ["events", "customers"] },
        status: { enum: ["queued", "running", "succeeded", "failed", "cancelled", "undone"] },
        progress: { type: "object", required: ["rowsDone", "rowsTotal"], properties: { rowsDone: count, rowsTotal: { type: ["integer", "null"] } } },
        counts: {
          type: "object",
          description:
            "events kind: rows = events + duplicates + errors + rows grouped into another row's event (line items of one order). customers kind: rows = customersCreated + customersUpdated + duplicates (customers already there, nothing to change) + errors; events = opening balances recorded.",
          required: ["rows", "events", "customersCreated", "customersUpdated", "duplicates", "errors"],
          properties: { rows: count, events: count, customersCreated: count, customersUpdated: count, duplicates: count, errors: count },
        },
        summary: {
          type: ["object", "null"],
          description: "Once finished (a dry run too): rows in error by reason (the rows' own values replaced by …), points the import's events award, customers whose tier changes.",
          properties: {
            errorsByReason: { type: "array", items: { type: "object", properties: { reason: { type: "string" }, rows: count } } },
            pointsAwarded: { type: "integer" },
            tierChanges: count,
            valuesKept: { ...count, description: "customers kind: values in the file that differ from the customer's and were left as they are." },
          },
        },
        errorsUrl: { type: ["string", "null"], description: "CSV of the rows in error (line, reason, the original row); null when there are none." },
        failure: { type: ["string", "null"] },
      },
    },
  };
}

export function importPaths(common: JsonSchema, errorResponse: ErrorResponse): Record<string, JsonSchema> {
  const status = { description: "The import's status.", content: { "application/json": { schema: ref("ImportStatus") } } };
  const notFound = errorResponse("No import of this merchant has that id.", { code: "not_found", message: "That import was not found." });
  return {
    "/api/v1/imports": {
      post: {
        tags: ["imports"],
        operationId: "startImport",
        summary: "Upload a CSV, TSV or XLSX file to import",
        description:
          "multipart/form-data. With neither mapping nor a template name the suggested mapping is used (and returned); it creates customers who do not exist yet. The import runs in the background: poll GET /api/v1/imports/{id}. kind=customers imports a contact list (CustomersImportMapping): it creates customers, fills in what existing ones lack (a value that differs is left as it is), and records an optional opening points balance as one event per customer.",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: { type: "string", format: "binary", description: `Up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB and 1,000,000 rows.` },
                  kind: { type: "string", enum: ["events", "customers"], description: "events (default): rows become events. customers: a contact list." },
                  mapping: { description: "An ImportMapping (kind events) or CustomersImportMapping (kind customers) as JSON, or the name of a saved mapping template.", oneOf: [ref("ImportMapping"), ref("CustomersImportMapping"), { type: "string" }] },
                  dryRun: { type: "string", enum: ["true", "false"], description: "true: counts only, nothing is written." },
                  encoding: { type: "string", enum: ["utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-15", "macintosh"] },
                  delimiter: { type: "string", enum: [",", ";", "|", "tab"] },
                  sheet: { type: "string", description: "XLSX: the sheet to read (default the first)." },
                },
              },
            },
          },
        },
        responses: {
          "202": {
            description: "Queued.",
            content: { "application/json": { schema: { type: "object", required: ["id", "kind", "mapping"], properties: { id: { type: "string", format: "uuid" }, kind: { enum: ["events", "customers"] }, mapping: { oneOf: [ref("ImportMapping"), ref("CustomersImportMapping")] } } } } },
          },
          "413": errorResponse("The file is larger than 100 MB.", { code: "payload_too_large", message: "The file is larger than 100 MB. Split it into smaller files.", path: "file" }),
          "422": errorResponse("The file cannot be read (with the reason), or the mapping is invalid.", { code: "validation_error", message: "The file has a header row but no data rows.", path: "file" }),
          ...common,
        },
      },
    },
    "/api/v1/imports/{id}": {
      get: { tags: ["imports"], operationId: "getImport", summary: "An import's status, progress and counts", parameters: [idParameter], responses: { "200": status, "404": notFound, ...common } },
    },
    "/api/v1/imports/{id}/undo": {
      post: {
        tags: ["imports"],
        operationId: "undoImport",
        summary: "Undo a finished import",
        description: "Removes exactly the events it created and the customers it created that have no other events; passes and rollups end as if it had never run.",
        parameters: [idParameter],
        responses: { "200": status, "404": notFound, "409": errorResponse("The import is still running.", { code: "conflict", message: "Only a finished import can be undone." }), ...common },
      },
    },
    "/api/v1/imports/{id}/errors": {
      get: {
        tags: ["imports"],
        operationId: "getImportErrors",
        summary: "The rows in error as CSV",
        parameters: [idParameter],
        responses: { "200": { description: "line, reason, then the original row's cells (formula-neutralised).", content: { "text/csv": { schema: { type: "string" } } } }, "404": notFound, ...common },
      },
    },
  };
}
