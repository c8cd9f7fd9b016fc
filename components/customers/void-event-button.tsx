"use client";

import { useAction } from "next-safe-action/hooks";
import { Ban } from "lucide-react";
import { useState } from "react";
import { voidEventAction } from "@/app/(app)/customers/[id]/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";

/** Void one event: it stays in the history, struck through with the reason, and its effect on the pass is reversed. */
export function VoidEventButton({ customerId, eventId, label }: { customerId: string; eventId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { execute, result, isPending } = useAction(voidEventAction, { onSuccess: () => setOpen(false) });
  const errors = fieldErrors(result.validationErrors);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="inline-flex min-h-8 items-center gap-1 rounded px-1 text-xs font-medium text-stone-500 hover:text-red-700" aria-label={`Void ${label}`}>
        <Ban aria-hidden className="size-3.5" /> Void
      </button>
    );
  }
  return (
    <form
      className="mt-2 flex w-full flex-wrap items-end gap-2 rounded-lg bg-stone-50 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ customerId, eventId, reason });
      }}
    >
      <div className="min-w-48 flex-1">
        <Field label="Why void it?" error={errors.reason}>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Entered twice" autoFocus />
        </Field>
      </div>
      <Button type="submit" variant="danger" disabled={isPending || reason.trim().length < 3}>{isPending ? "Voiding…" : "Void event"}</Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      {result.serverError && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage(result.serverError)}</p>}
    </form>
  );
}
