"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * The counter's "are you sure?" (Record again?, an unusual amount or date). The safe choice,
 * not recording, is focused, and Escape or a click outside picks it.
 */
export function ConfirmPrompt({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel }: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-black/50 p-4" onClick={onCancel}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-prompt-title"
        aria-describedby="confirm-prompt-body"
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
        <h2 id="confirm-prompt-title" className="text-lg font-semibold">{title}</h2>
        <div id="confirm-prompt-body" className="space-y-2 text-stone-700">{children}</div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" size="lg" onClick={onCancel} autoFocus>{cancelLabel}</Button>
          <Button size="lg" onClick={onConfirm}>{confirmLabel}</Button>
        </div>
      </div>
    </div>
  );
}
