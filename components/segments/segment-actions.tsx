"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteSegmentAction, duplicateSegmentAction, renameSegmentAction } from "@/app/(app)/segments/actions";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { ConfirmPanel } from "@/components/ui/confirm";
import { Input } from "@/components/ui/field";

/** Rename, duplicate and delete for one saved segment. Deleting one in use is refused with its users. */
export function SegmentActions({ id, name, afterDelete = "/segments" }: { id: string; name: string; afterDelete?: string }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(name);
  const [confirming, setConfirming] = useState(false);
  const rename = useAction(renameSegmentAction, { onSuccess: () => { setRenaming(false); router.refresh(); } });
  const duplicate = useAction(duplicateSegmentAction, { onSuccess: ({ data }) => data && router.push(`/segments/${data.id}`) });
  const remove = useAction(deleteSegmentAction, { onSuccess: () => { router.push(afterDelete); router.refresh(); } });
  const error = rename.result.serverError ?? duplicate.result.serverError ?? remove.result.serverError;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {renaming ? (
        <form className="flex items-center gap-2" onSubmit={(e) => { e.preventDefault(); rename.execute({ id, name: newName }); }}>
          <Input aria-label="New name" value={newName} onChange={(e) => setNewName(e.target.value)} className="w-48" autoFocus />
          <Button type="submit" variant="secondary" disabled={rename.isPending}>Save name</Button>
          <Button variant="ghost" onClick={() => setRenaming(false)}>Cancel</Button>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setRenaming(true)}>Rename</Button>
      )}
      <Button variant="secondary" onClick={() => duplicate.execute({ id })} disabled={duplicate.isPending}>Duplicate</Button>
      {confirming ? (
        <ConfirmPanel label={`Delete ${name}`} confirmLabel="Delete segment" pendingLabel="Deleting…" isPending={remove.isPending} onConfirm={() => remove.execute({ id })} onCancel={() => setConfirming(false)}>
          Delete the segment “{name}”? Its members stay customers; only the segment goes.
        </ConfirmPanel>
      ) : (
        <Button variant="danger" disabled={remove.isPending} onClick={() => setConfirming(true)}>Delete</Button>
      )}
      {error && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage(error)}</p>}
    </div>
  );
}
