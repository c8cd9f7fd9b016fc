"use client";

import type { RecentDuplicate } from "@/lib/events/duplicates";
import { Button } from "@/components/ui/button";

function ago(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} seconds ago`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? "a minute ago" : `${minutes} minutes ago`;
}

/** Asked before a likely double tap is recorded twice. Cancel is the safe default (focused). */
export function DuplicatePrompt({ duplicate, what, onConfirm, onCancel }: { duplicate: RecentDuplicate; what: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-black/50 p-4" onClick={onCancel}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="duplicate-title"
        aria-describedby="duplicate-body"
        className="w-full max-w-sm space-y-4 rounded-2xl bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id="duplicate-title" className="text-lg font-semibold">Record again?</h2>
        <p id="duplicate-body" className="text-stone-700">
          The same {what} was recorded {ago(duplicate.recordedAt)}{duplicate.recordedBy ? ` by ${duplicate.recordedBy}` : ""}.
        </p>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" size="lg" onClick={onCancel} autoFocus>Don’t record</Button>
          <Button size="lg" onClick={onConfirm}>Record again</Button>
        </div>
      </div>
    </div>
  );
}
