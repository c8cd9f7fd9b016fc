"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { liftSuppressionAction } from "@/app/(app)/settings/privacy/actions";
import { Button } from "@/components/ui/button";
import { ConfirmPanel } from "@/components/ui/confirm";
import { actionErrorMessage } from "@/components/ui/action-errors";

/** Lifts every block of one deletion: that person's pass, email, phone and external id. */
export function LiftSuppressionButton({ deletionId, who }: { deletionId: string; who: string }) {
  const [confirming, setConfirming] = useState(false);
  const { execute, result, isPending } = useAction(liftSuppressionAction, { onSuccess: () => setConfirming(false) });
  if (!confirming) {
    return <Button variant="secondary" aria-label={`Lift the block on ${who}`} onClick={() => setConfirming(true)}>Lift</Button>;
  }
  return (
    <ConfirmPanel
      label={`Lift the block on ${who}`}
      confirmLabel="Lift block"
      pendingLabel="Lifting…"
      isPending={isPending}
      error={result.serverError ? actionErrorMessage(result.serverError) : undefined}
      onConfirm={() => execute({ deletionId })}
      onCancel={() => setConfirming(false)}
    >
      New events with this person’s pass, email, phone or external ID will create a customer again.
    </ConfirmPanel>
  );
}
