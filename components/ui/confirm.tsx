"use client";

import type { ReactNode } from "react";
import { Button } from "./button";

/**
 * THE confirmation for destructive actions (revoke a key, disable a member, change a role, lift
 * a deletion block): the control turns into a red panel saying what will happen, with the
 * action and Cancel (focused, so Enter does not confirm by accident). Never the browser's
 * confirm(), which cannot be styled, read the consequences or be tested.
 */
export function ConfirmPanel({ label, children, confirmLabel, pendingLabel, isPending, error, onConfirm, onCancel }: {
  /** Names the group for screen readers, e.g. "Disable Sam". */
  label: string;
  /** What will happen, in a sentence. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  error?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex w-full flex-wrap items-center gap-2 rounded-lg bg-red-50 p-2 sm:w-auto"
      onKeyDown={(e) => { if (e.key === "Escape") onCancel(); }}
    >
      <span className="text-sm text-red-900">{children}</span>
      <Button variant="danger" disabled={isPending} onClick={onConfirm}>{isPending ? pendingLabel : confirmLabel}</Button>
      <Button variant="ghost" onClick={onCancel} autoFocus>Cancel</Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </div>
  );
}
