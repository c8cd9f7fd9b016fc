import "server-only";
// The imports API for tills that export nightly: POST a file (multipart) with a mapping, a saved
// template's name, or neither (the suggested mapping, creating new customers); GET its status;
// POST undo. Shapes in docs/api.md.
import type { MerchantScope } from "@/lib/auth/session";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { TEXT_ENCODINGS, type TextEncoding } from "./encoding";
import { DELIMITERS, type Delimiter } from "./delimiter";
import { mappingSchema, missingColumns, suggestMapping, type ImportMapping } from "./mapping";
import { sampleFile, type ReadChoices } from "./read";
import { FileRefused } from "./sniff";
import { createImport, getImport, importsDir, type ImportKind, type ImportView } from "./store";
import { customersMappingSchema, customersMissingColumns, suggestCustomersMapping, type CustomersMapping } from "./customer-rows";
import { saveUpload, UploadRefused } from "./upload";

export interface ImportStatusBody {
  id: string;
  status: ImportView["status"];
  progress: { rowsDone: number; rowsTotal: number | null };
  kind: ImportKind;
  counts: { rows: number; events: number; customersCreated: number; customersUpdated: number; duplicates: number; errors: number };
  /** Once finished: errors by reason, points awarded, customers whose tier changed. */
  summary: ImportView["summary"];
  errorsUrl: string | null;
  failure: string | null;
}

export function statusBody(view: ImportView): ImportStatusBody {
  const { grouped: _grouped, ...counts } = view.counts;
  return {
    id: view.id,
    status: view.status,
    kind: view.kind,
    progress: view.progress,
    counts,
    errorsUrl: view.counts.errors > 0 ? `/api/v1/imports/${view.id}/errors` : null,
    failure: view.failure,
    summary: view.summary,
  };
}

function readChoicesOf(fields: Record<string, string>): ReadChoices {
  const choices: ReadChoices = {};
  if (fields.encoding) {
    if (!TEXT_ENCODINGS.includes(fields.encoding as TextEncoding)) throw new ApiError("validation_error", `encoding must be one of ${TEXT_ENCODINGS.join(", ")}.`, { path: "encoding" });
    choices.encoding = fields.encoding as TextEncoding;
  }
  if (fields.delimiter) {
    const delimiter = fields.delimiter === "tab" ? "\t" : fields.delimiter;
    if (!DELIMITERS.includes(delimiter as Delimiter)) throw new ApiError("validation_error", "delimiter must be one of , ; | tab.", { path: "delimiter" });
    choices.delimiter = delimiter as Delimiter;
  }
  if (fields.sheet) choices.sheet = fields.sheet;
  return choices;
}

type AnyMapping = ImportMapping | CustomersMapping;

/** The mapping as the kind's schema reads it (a customers mapping carries kind: "customers"). */
function parseAnyMapping(json: unknown, kind: ImportKind) {
  const asObject = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  return kind === "customers" || asObject.kind === "customers" ? customersMappingSchema.safeParse({ ...asObject, kind: "customers" }) : mappingSchema.safeParse(json);
}

async function mappingOf(scope: MerchantScope, kind: ImportKind, field: string | undefined, header: string[], sample: string[][]): Promise<{ mapping: AnyMapping; templateName: string | null }> {
  if (!field || field.trim() === "") return { mapping: kind === "customers" ? suggestCustomersMapping(header) : suggestMapping(header, sample), templateName: null };
  const text = field.trim();
  if (text.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError("validation_error", "mapping is not valid JSON.", { path: "mapping" });
    }
    const parsed = parseAnyMapping(json, kind);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError("validation_error", `mapping: ${issue?.message ?? "invalid"}`, { path: ["mapping", ...(issue?.path ?? [])].join(".") });
    }
    return { mapping: parsed.data, templateName: null };
  }
  const template = await db.importTemplate.findFirst({ where: { merchantId: scope.merchantId, name: text } });
  if (!template) throw new ApiError("validation_error", `There is no saved mapping template named “${text}”.`, { path: "mapping" });
  const parsed = parseAnyMapping(template.mapping, kind);
  if (!parsed.success) throw new ApiError("validation_error", `The template “${text}” is not a mapping for this kind of import.`, { path: "mapping" });
  return { mapping: parsed.data, templateName: template.name };
}

/** POST /api/v1/imports: stores the file, checks it can be read and mapped, queues the import. */
export async function startApiImport(scope: MerchantScope, apiKeyId: string, request: Request): Promise<{ id: string; kind: ImportKind; mapping: AnyMapping }> {
  let upload;
  try {
    upload = await saveUpload(request, importsDir());
  } catch (error) {
    if (error instanceof UploadRefused) throw new ApiError(error.kind === "too_large" ? "payload_too_large" : "validation_error", error.message, { path: "file" });
    throw error;
  }
  const choices = readChoicesOf(upload.fields);
  let sample;
  try {
    sample = await sampleFile(upload.filePath, choices);
  } catch (error) {
    if (error instanceof FileRefused) throw new ApiError("validation_error", error.message, { path: "file" });
    throw error;
  }
  const kindField = upload.fields.kind?.trim() || "events";
  if (kindField !== "events" && kindField !== "customers") throw new ApiError("validation_error", "kind must be events or customers.", { path: "kind" });
  const { mapping, templateName } = await mappingOf(scope, kindField, upload.fields.mapping, sample.header, sample.rows.map((r) => r.cells));
  const kind: ImportKind = "kind" in mapping ? "customers" : "events";
  const missing = "kind" in mapping ? customersMissingColumns(mapping, sample.header) : missingColumns(mapping, sample.header);
  if (missing.length) throw new ApiError("validation_error", `The file has no column ${missing.map((m) => `“${m}”`).join(", ")}.`, { path: "mapping" });
  const view = await createImport(scope, {
    filePath: upload.filePath,
    fileName: upload.fileName,
    fileSize: upload.fileSize,
    mapping,
    readChoices: { ...choices, sheet: sample.layout.sheet ?? undefined },
    templateName,
    apiKeyId,
    dryRun: upload.fields.dryRun === "true",
  });
  return { id: view.id, kind, mapping };
}

export async function apiImportStatus(scope: MerchantScope, id: string): Promise<ImportStatusBody> {
  return statusBody(await getImport(scope, id));
}
