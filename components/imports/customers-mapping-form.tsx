"use client";

import { Field, Select } from "@/components/ui/field";
import type { CustomersMapping } from "@/lib/imports/customer-rows";

const COLUMNS: { key: Exclude<keyof CustomersMapping, "kind">; label: string; hint?: string }[] = [
  { key: "passSerialColumn", label: "Pass serial / card id", hint: "Generated in your format when empty." },
  { key: "externalIdColumn", label: "Customer id from your system" },
  { key: "emailColumn", label: "Email" },
  { key: "phoneColumn", label: "Phone", hint: "Numbers without a country code are read as your shop’s country." },
  { key: "nameColumn", label: "Name" },
  { key: "pointsColumn", label: "Opening points balance", hint: "Recorded as one “Opening balance” event per customer." },
  { key: "tierColumn", label: "Tier in the previous system", hint: "Kept with the opening balance; tiers here follow spend." },
];

/** The contact list's columns; every change re-runs the preview on the server. */
export function CustomersMappingForm({ header, mapping, onChange, pending }: { header: string[]; mapping: CustomersMapping; onChange: (mapping: CustomersMapping) => void; pending: boolean }) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {COLUMNS.map(({ key, label, hint }) => (
          <Field key={key} label={label} hint={hint}>
            <Select value={mapping[key] ?? ""} onChange={(e) => onChange({ ...mapping, [key]: e.target.value || undefined })} disabled={pending}>
              <option value="">—</option>
              {header.map((h) => (
                <option key={h} value={h}>{h}</option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <p className="text-sm text-stone-600">
        A row finds its customer by any of these identifiers. New customers are created; for existing ones the file only fills in what is missing, and a value that
        differs from yours is left as it is. Someone deleted on request is not added again.
      </p>
    </div>
  );
}
