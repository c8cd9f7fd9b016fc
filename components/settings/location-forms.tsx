"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { addLocationAction, archiveLocationAction, renameLocationAction } from "@/app/(app)/settings/locations/actions";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function AddLocationForm() {
  const [name, setName] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const { execute, result, isPending } = useAction(addLocationAction, {
    onSuccess: ({ data }) => { setAdded(data ? `Added ${data.name}` : null); setName(""); },
  });
  const error = fieldErrors(result.validationErrors).name ?? (result.serverError?.path === "name" ? result.serverError.message : undefined);
  return (
    <form noValidate className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); setAdded(null); execute({ name }); }}>
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <Field label="New location" error={error}>
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Airport kiosk" maxLength={60} />
        </Field>
      </div>
      <Button type="submit" disabled={isPending} className={error ? "mb-7" : undefined}>{isPending ? "Adding…" : "Add location"}</Button>
      {result.serverError && result.serverError.path !== "name" && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage(result.serverError)}</p>}
      {added && <p role="status" className="w-full text-sm text-green-700">{added}</p>}
    </form>
  );
}

/** One row's controls: rename in place, archive or restore. */
export function LocationControls({ location }: { location: { id: string; name: string; archived: boolean } }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(location.name);
  const rename = useAction(renameLocationAction, { onSuccess: () => setEditing(false) });
  const archive = useAction(archiveLocationAction);
  const error = fieldErrors(rename.result.validationErrors).name ?? rename.result.serverError?.message ?? archive.result.serverError?.message;
  if (editing) {
    return (
      <form noValidate className="flex flex-wrap items-center gap-2" onSubmit={(e) => { e.preventDefault(); rename.execute({ locationId: location.id, name }); }}>
        <label className="sr-only" htmlFor={`loc-${location.id}`}>New name for {location.name}</label>
        <Input id={`loc-${location.id}`} className="w-48" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus />
        <Button type="submit" disabled={rename.isPending}>Save</Button>
        <Button variant="ghost" onClick={() => { setEditing(false); setName(location.name); }}>Cancel</Button>
        {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
      </form>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Rename ${location.name}`}>Rename</Button>
      <Button
        variant="secondary"
        disabled={archive.isPending}
        onClick={() => archive.execute({ locationId: location.id, archived: !location.archived })}
        aria-label={`${location.archived ? "Restore" : "Archive"} ${location.name}`}
      >
        {location.archived ? "Restore" : "Archive"}
      </Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage({ message: error })}</p>}
    </div>
  );
}
