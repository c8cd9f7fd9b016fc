import "server-only";
// The dashboard's upload flow: the file lands in the merchant's own upload folder under a random
// token; the preview shows the first 50 rows as they will be recorded (or why not) under a
// mapping; starting it hands the file to the import job.
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { MerchantContext, MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uuidv7 } from "@/lib/ids";
import { detectDateOrder } from "./dates";
import { headerSignature, mappingSchema, missingColumns, suggestMapping, type ImportMapping } from "./mapping";
import { detectDecimalSeparator } from "./money";
import { usualDateOrder } from "./process";
import { sampleFile, type FileLayout, type ReadChoices } from "./read";
import { RowBuilder } from "./rows";
import { FileRefused } from "./sniff";
import { createImport, importsDir, type ImportKind, type ImportView } from "./store";
import { phoneRegionFor } from "@/lib/customers/region";
import { customersMappingSchema, customersMissingColumns, parseContactRow, suggestCustomersMapping, type CustomersMapping } from "./customer-rows";

const TOKEN = /^[0-9a-f-]{36}\.upload$/;

export function merchantUploadDir(scope: MerchantScope): string {
  return path.join(importsDir(), scope.merchantId);
}

function uploadPath(scope: MerchantScope, token: string): string {
  if (!TOKEN.test(token)) throw new AppError("validation_error", "That upload is not known.");
  const file = path.join(merchantUploadDir(scope), token);
  if (!existsSync(file)) throw new AppError("not_found", "That upload is gone; upload the file again.");
  return file;
}

export interface PreviewRow {
  line: number;
  cells: string[];
  event: { type: string; customer: string; occurredAt: string; amount: string | null } | null;
  error: string | null;
  /** Customers kind: what the row says about the customer ("Ana · OLD-1 · +1646… · 1,250 points"). */
  contact?: string | null;
}

export interface Preview {
  token: string;
  fileName: string;
  layout: FileLayout;
  header: string[];
  mapping: ImportMapping;
  templateName: string | null;
  missing: string[];
  rows: PreviewRow[];
  dateOrder: { sample: string; ambiguous: boolean };
  kind: ImportKind;
  /** The customers kind's mapping (null for the events kind). */
  customersMapping: CustomersMapping | null;
}

export interface PreviewInput {
  token: string;
  fileName: string;
  mapping?: ImportMapping;
  choices?: ReadChoices;
  kind?: ImportKind;
  customersMapping?: CustomersMapping;
}

export async function previewUpload(scope: MerchantScope, input: PreviewInput): Promise<Preview> {
  const file = uploadPath(scope, input.token);
  let sample;
  try {
    sample = await sampleFile(file, input.choices ?? {});
  } catch (error) {
    if (error instanceof FileRefused) throw new AppError("validation_error", error.message);
    throw error;
  }
  const cells = sample.rows.map((r) => r.cells);
  let mapping = input.mapping;
  let templateName: string | null = null;
  if (input.kind === "customers") return customersPreview(scope, input, sample, mapping ?? suggestMapping(sample.header, cells));
  if (!mapping) {
    // The newest events template for these headers (a contact-list template is the other kind's).
    const templates = await db.importTemplate.findMany({ where: { merchantId: scope.merchantId, headerSignature: headerSignature(sample.header) }, orderBy: { createdAt: "desc" } });
    const saved = templates.map((t) => ({ t, parsed: mappingSchema.safeParse(t.mapping) })).find((x) => x.parsed.success);
    if (saved?.parsed.data) {
      mapping = saved.parsed.data;
      templateName = saved.t.name;
    } else mapping = suggestMapping(sample.header, cells);
  }
  const missing = missingColumns(mapping, sample.header);
  const dateColumn = "column" in mapping.when ? mapping.when.column : mapping.when.dateColumn;
  const dates = detectDateOrder(cells.map((r) => r[sample.header.indexOf(dateColumn)] ?? ""), usualDateOrder(scope.merchant.currency));
  const amountIndex = mapping.amount && "column" in mapping.amount ? sample.header.indexOf(mapping.amount.column) : -1;
  const builder = new RowBuilder(mapping, sample.header, {
    timeZone: scope.merchant.timeZone,
    currency: scope.merchant.currency,
    dates,
    decimalSeparator: detectDecimalSeparator(cells.map((r) => r[amountIndex] ?? "")),
  });
  const rows: PreviewRow[] = [];
  const byLine = new Map<number, PreviewRow>();
  for (const row of sample.rows) {
    const entry: PreviewRow = { line: row.line, cells: row.cells, event: null, error: null };
    rows.push(entry);
    byLine.set(row.line, entry);
  }
  const outcomes = missing.length ? [] : [...sample.rows.flatMap((row) => builder.push(row)), ...builder.flush()];
  for (const outcome of outcomes) {
    if (outcome.kind === "errors") for (const e of outcome.errors) byLine.get(e.line)!.error = e.reason;
    else {
      const [first, ...rest] = outcome.rows;
      const d = outcome.input;
      byLine.get(first!.line)!.event = { type: d.customName ?? d.type, customer: Object.values(d.customer)[0] ?? "", occurredAt: d.occurredAt, amount: d.amount ?? null };
      for (const r of rest) byLine.get(r.line)!.error = null;
    }
  }
  const order = mapping.dateOrder ?? dates.bySeparator[Object.keys(dates.bySeparator)[0] ?? ""] ?? dates.fallback;
  return { token: input.token, fileName: input.fileName, layout: sample.layout, header: sample.header, mapping, templateName, missing, rows, dateOrder: { sample: order, ambiguous: !mapping.dateOrder && dates.ambiguous }, kind: "events", customersMapping: null };
}

/** The customers kind's preview: each sample row as the customer it names, or why not. */
async function customersPreview(scope: MerchantScope, input: PreviewInput, sample: Awaited<ReturnType<typeof sampleFile>>, eventsMapping: ImportMapping): Promise<Preview> {
  let customersMapping = input.customersMapping;
  let templateName: string | null = null;
  if (!customersMapping) {
    const templates = await db.importTemplate.findMany({ where: { merchantId: scope.merchantId, headerSignature: headerSignature(sample.header) }, orderBy: { createdAt: "desc" } });
    const saved = templates.map((t) => ({ t, parsed: customersMappingSchema.safeParse(t.mapping) })).find((x) => x.parsed.success);
    customersMapping = saved?.parsed.data ?? suggestCustomersMapping(sample.header);
    templateName = saved?.t.name ?? null;
  }
  const region = phoneRegionFor(scope.merchant.timeZone);
  const missing = customersMissingColumns(customersMapping, sample.header);
  const rows: PreviewRow[] = sample.rows.map((row) => {
    if (missing.length) return { line: row.line, cells: row.cells, event: null, error: null, contact: null };
    const parsed = parseContactRow(customersMapping, sample.header, row, region);
    if (typeof parsed === "string") return { line: row.line, cells: row.cells, event: null, error: parsed, contact: null };
    const parts = [parsed.name, parsed.passSerial, parsed.externalId, parsed.email, parsed.phone, parsed.openingPoints !== null ? `${parsed.openingPoints.toLocaleString("en-US")} points` : null, parsed.previousTier];
    return { line: row.line, cells: row.cells, event: null, error: null, contact: parts.filter(Boolean).join(" · ") };
  });
  return {
    token: input.token, fileName: input.fileName, layout: sample.layout, header: sample.header, mapping: eventsMapping, templateName, missing, rows,
    dateOrder: { sample: "MDY", ambiguous: false }, kind: "customers", customersMapping,
  };
}

export interface StartInput {
  token: string;
  fileName: string;
  mapping: ImportMapping;
  choices: ReadChoices;
  saveAs?: string;
  kind?: ImportKind;
  customersMapping?: CustomersMapping;
  /** Counts only: the whole file runs in a transaction that is rolled back. */
  dryRun?: boolean;
}

export async function startUploadedImport(context: MerchantContext, input: StartInput): Promise<ImportView> {
  const file = uploadPath(context, input.token);
  const sample = await sampleFile(file, input.choices).catch((error: unknown) => {
    throw error instanceof FileRefused ? new AppError("validation_error", error.message) : error;
  });
  const chosen: ImportMapping | CustomersMapping = input.kind === "customers" ? customersMappingSchema.parse(input.customersMapping ?? suggestCustomersMapping(sample.header)) : input.mapping;
  const missing = "kind" in chosen ? customersMissingColumns(chosen, sample.header) : missingColumns(chosen, sample.header);
  if (missing.length) throw new AppError("validation_error", `The file has no column ${missing.join(", ")}.`);
  if (input.saveAs && !input.dryRun) {
    const signature = headerSignature(sample.header);
    const mapping = chosen as object;
    await db.importTemplate.upsert({
      where: { merchantId_name: { merchantId: context.merchantId, name: input.saveAs } },
      create: { id: uuidv7(), merchantId: context.merchantId, name: input.saveAs, headerSignature: signature, mapping },
      update: { headerSignature: signature, mapping },
    });
  }
  const { size } = await stat(file);
  return createImport(context, {
    filePath: file, fileName: input.fileName, fileSize: size, mapping: chosen, readChoices: { ...input.choices, sheet: sample.layout.sheet ?? undefined },
    templateName: input.dryRun ? null : (input.saveAs ?? null), createdById: context.user.id, dryRun: input.dryRun ?? false,
  });
}
