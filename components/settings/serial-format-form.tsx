"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { savePassSerialFormatAction } from "@/app/(app)/settings/actions";
import { passSerialPattern, type PassSerialFormat } from "@/lib/customers/serials";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** Settings → Business: how new customers' pass serials look (e.g. BB-XXXXXXXX). */
export function SerialFormatForm({ initial }: { initial: PassSerialFormat }) {
  const [prefix, setPrefix] = useState(initial.prefix);
  const [length, setLength] = useState(String(initial.length));
  const [saved, setSaved] = useState(false);
  const { execute, result, isPending } = useAction(savePassSerialFormatAction, { onSuccess: () => setSaved(true) });
  const errors = fieldErrors(result.validationErrors);
  const n = Number(length);
  const preview = /^[A-Za-z0-9]{1,6}$/.test(prefix.trim()) && Number.isInteger(n) && n >= 6 && n <= 16 ? passSerialPattern({ prefix: prefix.trim().toUpperCase(), length: n }) : null;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        execute({ prefix, length: Number(length) });
      }}
    >
      <div className="grid max-w-md gap-3 sm:grid-cols-2">
        <Field label="Prefix" error={errors.prefix} hint="1–6 letters or digits">
          <Input value={prefix} maxLength={6} autoCapitalize="characters" onChange={(e) => { setSaved(false); setPrefix(e.target.value); }} />
        </Field>
        <Field label="Characters after the dash" error={errors.length} hint="6 to 16">
          <Input value={length} inputMode="numeric" onChange={(e) => { setSaved(false); setLength(e.target.value); }} />
        </Field>
      </div>
      <p className="text-sm text-stone-600">
        New passes look like <span className="font-mono font-medium" data-testid="serial-preview">{preview ?? "—"}</span> (letters and digits, no 0/O or 1/I). Passes already issued keep their serial.
      </p>
      {result.serverError && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(result.serverError)}</p>}
      {saved && <p role="status" className="text-sm text-green-700">Saved</p>}
      <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save pass serial format"}</Button>
    </form>
  );
}
