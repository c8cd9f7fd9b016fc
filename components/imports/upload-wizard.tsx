"use client";

import { useAction } from "next-safe-action/hooks";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { previewImportAction, startImportAction } from "@/app/(app)/imports/actions";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import type { CustomersMapping } from "@/lib/imports/customer-rows";
import type { ImportMapping } from "@/lib/imports/mapping";
import type { Preview } from "@/lib/imports/preview";
import type { ImportKind, ImportView } from "@/lib/imports/store";
import { CustomersMappingForm } from "./customers-mapping-form";
import { DryRunResult } from "./dry-run-result";
import { MappingForm } from "./mapping-form";
import { PreviewTable } from "./preview-table";

const MAX_MB = 100;

/** Upload (drag and drop or pick) → mapping with a 50-row preview → start the import. */
export function UploadWizard({ timeZone }: { timeZone: string }) {
  const router = useRouter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [saveAs, setSaveAs] = useState("");
  const [kind, setKind] = useState<ImportKind>("events");
  const [dryRun, setDryRun] = useState<ImportView | null>(null);
  const previewAction = useAction(previewImportAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setPreview(data);
      setDryRun(null); // the mapping changed: an earlier dry run no longer says what will happen
    },
  });
  const start = useAction(startImportAction, { onSuccess: ({ data }) => data && router.push(`/imports/${data.id}`) });
  const dry = useAction(startImportAction, { onSuccess: ({ data }) => data && setDryRun(data.view) });

  async function upload(file: File) {
    setUploadError(null);
    if (file.size > MAX_MB * 1024 * 1024) {
      setUploadError(`The file is larger than ${MAX_MB} MB. Split it into smaller files.`);
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.append("file", file);
      body.append("kind", kind);
      const response = await fetch("/imports/upload", { method: "POST", body });
      const json = (await response.json()) as Preview | { error: { message: string } };
      if (!response.ok || "error" in json) setUploadError("error" in json ? json.error.message : "The upload failed.");
      else setPreview(json);
    } catch {
      setUploadError("The upload failed; check your connection and try again.");
    } finally {
      setUploading(false);
    }
  }

  const remap = (mapping: ImportMapping) => preview && previewAction.execute({ token: preview.token, fileName: preview.fileName, mapping, choices: choicesOf(preview), kind: "events" });
  const remapCustomers = (customersMapping: CustomersMapping) =>
    preview && previewAction.execute({ token: preview.token, fileName: preview.fileName, mapping: preview.mapping, customersMapping, choices: choicesOf(preview), kind: "customers" });
  const switchKind = (next: ImportKind) => {
    setKind(next);
    if (preview) previewAction.execute({ token: preview.token, fileName: preview.fileName, choices: choicesOf(preview), kind: next });
  };
  const kindChoice = (
    <Field label="What is in the file">
      <Select value={preview?.kind ?? kind} onChange={(e) => switchKind(e.target.value as ImportKind)} disabled={previewAction.isPending || uploading} data-testid="import-kind">
        <option value="events">sales, visits and other events</option>
        <option value="customers">a contact list (customers, opening balances)</option>
      </Select>
    </Field>
  );
  const startInput = (extra: { dryRun?: boolean; saveAs?: string }) =>
    preview && { token: preview.token, fileName: preview.fileName, mapping: preview.mapping, choices: choicesOf(preview), kind: preview.kind, customersMapping: preview.customersMapping ?? undefined, ...extra };

  if (!preview) {
    return (
      <Card title="Upload a file">
        <div className="mb-3 max-w-md">{kindChoice}</div>
        <label
          onDragOver={(e) => (e.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) void upload(file);
          }}
          className={`flex cursor-pointer flex-col items-center gap-2 rounded-xl border-2 border-dashed p-8 text-center ${dragging ? "border-stone-900 bg-stone-50" : "border-stone-300"}`}
        >
          <Upload aria-hidden className="size-6 text-stone-500" />
          <span className="font-medium">{uploading ? "Uploading…" : "Drop a CSV, TSV or XLSX file here, or pick one"}</span>
          <span className="text-sm text-stone-600">Up to {MAX_MB} MB and 1,000,000 rows.</span>
          <input type="file" accept=".csv,.tsv,.txt,.xlsx" className="sr-only" data-testid="import-file" disabled={uploading} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
        </label>
        {uploadError && <p role="alert" className="mt-3 text-sm text-red-700">{uploadError}</p>}
      </Card>
    );
  }

  const serverError = previewAction.result.serverError ?? start.result.serverError ?? dry.result.serverError;
  return (
    <div className="space-y-4">
      <Card title={`Map the columns of ${preview.fileName}`} action={<Button variant="ghost" onClick={() => setPreview(null)}>Choose another file</Button>}>
        <p className="mb-3 text-sm text-stone-600">
          {preview.layout.kind === "xlsx" ? `XLSX, sheet “${preview.layout.sheet}”` : `${preview.layout.encoding?.encoding.toUpperCase()}, ${preview.layout.delimiter === "\t" ? "tab" : `“${preview.layout.delimiter}”`}-separated`}
          {preview.templateName && <> · mapping from the saved template “{preview.templateName}”</>}
        </p>
        <div className="mb-3 max-w-md">{kindChoice}</div>
        {preview.kind === "customers" && preview.customersMapping ? (
          <CustomersMappingForm header={preview.header} mapping={preview.customersMapping} onChange={remapCustomers} pending={previewAction.isPending} />
        ) : (
          <MappingForm header={preview.header} rows={preview.rows.map((r) => r.cells)} mapping={preview.mapping} dateOrder={preview.dateOrder} onChange={remap} pending={previewAction.isPending} />
        )}
        {preview.missing.length > 0 && <p role="alert" className="mt-3 text-sm text-red-700">The file has no column {preview.missing.join(", ")}.</p>}
      </Card>
      <Card title={preview.kind === "customers" ? "Preview: the first 50 rows as customers" : "Preview: the first 50 rows as they will be recorded"}>
        <PreviewTable preview={preview} timeZone={timeZone} />
      </Card>
      <Card>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const input = startInput({ saveAs: saveAs.trim() || undefined });
            if (input) start.execute(input);
          }}
        >
          <div className="min-w-56 flex-1">
            <Field label="Save this mapping as a template (optional)" hint="Offered again when a file with the same columns arrives.">
              <Input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} placeholder="e.g. Nightly till export" />
            </Field>
          </div>
          <Button
            type="button"
            variant="secondary"
            disabled={dry.isPending || previewAction.isPending || preview.missing.length > 0}
            onClick={() => {
              const input = startInput({ dryRun: true });
              if (input) dry.execute(input);
            }}
          >
            {dry.isPending ? "Starting…" : "Dry run"}
          </Button>
          <Button type="submit" disabled={start.isPending || previewAction.isPending || preview.missing.length > 0}>{start.isPending ? "Starting…" : "Start import"}</Button>
        </form>
        {dryRun && (
          <div className="mt-4 border-t border-stone-100 pt-4">
            <DryRunResult key={dryRun.id} initial={dryRun} />
          </div>
        )}
        {serverError && <p role="alert" className="mt-3 text-sm text-red-700">{actionErrorMessage(serverError)}</p>}
      </Card>
    </div>
  );
}

function choicesOf(preview: Preview) {
  return {
    encoding: preview.layout.encoding?.encoding,
    delimiter: preview.layout.delimiter ?? undefined,
    sheet: preview.layout.sheet ?? undefined,
  };
}
