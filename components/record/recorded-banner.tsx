"use client";

import { CircleCheck, Undo2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useRef, useState } from "react";
import { undoEventAction } from "@/app/(app)/record/actions";
import { recordedSummary } from "@/lib/record/summary";
import type { PassState } from "@/lib/events/types";
import { formatCount } from "@/lib/format";
import { countOf, NOUNS } from "@/lib/plural";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { connectionErrorMessage } from "@/components/ui/connection-error";
import { Button, buttonClass } from "@/components/ui/button";
import type { Recorded } from "./event-form";

export const UNDO_SECONDS = 8;

/** What was just recorded and what it did to the pass, with a short-lived Undo. */
export function RecordedBanner({ recorded, previousTier, customerLabel, currency, timeZone, onUndone, onNext }: {
  recorded: Recorded;
  /** The tier before this event, to celebrate a promotion. */
  previousTier: string | null;
  customerLabel: string;
  currency: string;
  timeZone: string;
  onUndone: (pass: PassState) => void;
  onNext: () => void;
}) {
  const [left, setLeft] = useState(UNDO_SECONDS);
  const [undone, setUndone] = useState<PassState | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const { execute, isPending, result, status } = useAction(undoEventAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setUndone(data.pass);
      onUndone(data.pass);
    },
  });

  useEffect(() => nextRef.current?.focus(), [recorded.event.id]);
  useEffect(() => {
    if (left <= 0 || undone) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, undone]);

  const { event, pass } = recorded;
  // The moment it was recorded: a back-dated event says its date (lib/record/summary).
  const [recordedAt] = useState(() => new Date());
  const summary = recordedSummary(event, currency, timeZone, recordedAt);
  const label = summary.title;
  const details = summary.details;

  return (
    <div role="status" data-testid="recorded-banner" className={undone ? "rounded-xl border border-stone-300 bg-stone-100 p-4" : "rounded-xl border border-green-300 bg-green-50 p-4"}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          {undone ? (
            <p className="font-semibold">{label} undone. Points back to {formatCount(undone.pointsBalance)}, visits {formatCount(undone.visitCount)}.</p>
          ) : (
            <>
              <p className="flex items-center gap-2 font-semibold text-green-900">
                <CircleCheck aria-hidden className="size-5 shrink-0" /> {label} recorded for {customerLabel}
              </p>
              {details.length > 0 && <p className="text-sm text-green-900" data-testid="recorded-details">{details.join(" · ")}</p>}
              {summary.warning && <p className="mt-1 text-sm font-medium text-amber-800" data-testid="recorded-warning">{summary.warning}</p>}
              {pass.tier && pass.tier !== previousTier && <p className="mt-1 font-semibold text-green-900">Reached {pass.tier}!</p>}
              <p className="mt-1 text-sm text-green-900">
                Now {countOf(pass.pointsBalance, NOUNS.point)} · {countOf(pass.visitCount, NOUNS.visit)}{pass.tier ? ` · ${pass.tier}` : ""}
              </p>
            </>
          )}
          {(result.serverError || status === "hasErrored") && (
            <p role="alert" className="mt-1 text-sm text-red-700">{result.serverError ? actionErrorMessage(result.serverError) : connectionErrorMessage(status, result, "Not undone")}</p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {!undone && (left > 0 || isPending) && (
            <Button variant="secondary" size="lg" disabled={isPending} onClick={() => execute({ eventId: event.id })}>
              <Undo2 aria-hidden className="size-5" /> {isPending ? "Undoing…" : `Undo (${left})`}
            </Button>
          )}
          <button ref={nextRef} type="button" className={buttonClass("primary", "lg")} onClick={onNext}>Next customer</button>
        </div>
      </div>
    </div>
  );
}
