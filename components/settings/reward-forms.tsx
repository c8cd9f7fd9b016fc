"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { addRewardAction, updateRewardAction } from "@/app/(app)/settings/rewards/actions";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

function RewardFields({ name, cost, setName, setCost, errors, idPrefix }: {
  name: string; cost: string; setName: (v: string) => void; setCost: (v: string) => void; errors: Record<string, string | undefined>; idPrefix: string;
}) {
  return (
    <>
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <Field label="Reward" error={errors.name}>
          <Input id={`${idPrefix}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Free Coffee" maxLength={80} />
        </Field>
      </div>
      <div className="w-32">
        <Field label="Points cost" error={errors.pointsCost}>
          <Input id={`${idPrefix}-cost`} value={cost} inputMode="numeric" onChange={(e) => setCost(e.target.value)} placeholder="100" />
        </Field>
      </div>
    </>
  );
}

export function AddRewardForm() {
  const [name, setName] = useState("");
  const [cost, setCost] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const { execute, result, isPending } = useAction(addRewardAction, {
    onSuccess: ({ data }) => { setAdded(data ? `Added ${data.name}` : null); setName(""); setCost(""); },
  });
  const errors = { ...fieldErrors(result.validationErrors), ...(result.serverError?.path ? { [result.serverError.path]: result.serverError.message } : {}) };
  return (
    <form noValidate className="flex flex-wrap items-start gap-2" onSubmit={(e) => { e.preventDefault(); setAdded(null); execute({ name, pointsCost: cost }); }}>
      <RewardFields name={name} cost={cost} setName={setName} setCost={setCost} errors={errors} idPrefix="new-reward" />
      <Button type="submit" disabled={isPending} className="mt-6">{isPending ? "Adding…" : "Add reward"}</Button>
      {result.serverError && !result.serverError.path && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage(result.serverError)}</p>}
      {added && <p role="status" className="w-full text-sm text-green-700">{added}</p>}
    </form>
  );
}

export function RewardControls({ reward }: { reward: { id: string; name: string; pointsCost: number; active: boolean } }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(reward.name);
  const [cost, setCost] = useState(String(reward.pointsCost));
  const update = useAction(updateRewardAction, { onSuccess: () => setEditing(false) });
  const errors = { ...fieldErrors(update.result.validationErrors), ...(update.result.serverError?.path ? { [update.result.serverError.path]: update.result.serverError.message } : {}) };
  if (editing) {
    return (
      <form noValidate className="flex flex-wrap items-start gap-2" onSubmit={(e) => { e.preventDefault(); update.execute({ rewardId: reward.id, name, pointsCost: cost, active: reward.active }); }}>
        <RewardFields name={name} cost={cost} setName={setName} setCost={setCost} errors={errors} idPrefix={`reward-${reward.id}`} />
        <Button type="submit" className="mt-6" disabled={update.isPending}>Save</Button>
        <Button variant="ghost" className="mt-6" onClick={() => setEditing(false)}>Cancel</Button>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${reward.name}`}>Edit</Button>
      <Button
        variant="secondary"
        disabled={update.isPending}
        onClick={() => update.execute({ rewardId: reward.id, name: reward.name, pointsCost: reward.pointsCost, active: !reward.active })}
        aria-label={`${reward.active ? "Deactivate" : "Activate"} ${reward.name}`}
      >
        {reward.active ? "Deactivate" : "Activate"}
      </Button>
      {update.result.serverError && !update.result.serverError.path && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage(update.result.serverError)}</p>}
    </div>
  );
}
