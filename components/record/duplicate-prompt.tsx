"use client";

import type { RecentDuplicate } from "@/lib/events/duplicates";
import { ConfirmPrompt } from "./confirm-prompt";

function ago(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} seconds ago`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? "a minute ago" : `${minutes} minutes ago`;
}

/** Asked before a likely double tap is recorded twice. */
export function DuplicatePrompt({ duplicate, what, onConfirm, onCancel }: { duplicate: RecentDuplicate; what: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmPrompt title="Record again?" confirmLabel="Record again" cancelLabel="Don’t record" onConfirm={onConfirm} onCancel={onCancel}>
      <p>The same {what} was recorded {ago(duplicate.recordedAt)}{duplicate.recordedBy ? ` by ${duplicate.recordedBy}` : ""}.</p>
    </ConfirmPrompt>
  );
}
