"use client";

import { useAction } from "next-safe-action/hooks";
import { liftSuppressionAction } from "@/app/(app)/settings/privacy/actions";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/components/ui/action-errors";

export function LiftSuppressionButton({ suppressionId, kind }: { suppressionId: string; kind: string }) {
  const { execute, result, isPending } = useAction(liftSuppressionAction);
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={isPending}
        aria-label={`Lift the block on this ${kind.toLowerCase()}`}
        onClick={() => {
          if (window.confirm("Lift this block? New events with this identifier will create a customer again.")) execute({ suppressionId });
        }}
      >
        {isPending ? "Lifting…" : "Lift"}
      </Button>
      {result.serverError && <p role="alert" className="text-xs text-red-700">{actionErrorMessage(result.serverError)}</p>}
    </div>
  );
}
