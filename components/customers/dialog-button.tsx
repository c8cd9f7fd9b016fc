"use client";

import { X } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/**
 * A button opening a native <dialog>: the browser gives focus trapping, Esc to close and a
 * backdrop. `children` receives `close`; the content mounts fresh on each opening, so a form
 * never shows the last attempt's leftovers.
 */
export function DialogButton({ label, title, variant = "secondary", icon, children }: {
  label: string;
  title: string;
  variant?: Variant;
  icon?: ReactNode;
  children: (close: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const close = () => setOpen(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>{icon}{label}</Button>
      <dialog ref={ref} aria-label={title} onClose={close} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-stone-200 p-0 shadow-xl backdrop:bg-stone-900/40">
        <div className="flex items-center justify-between border-b border-stone-200 px-4 py-3">
          <h2 className="text-base font-semibold">{title}</h2>
          <button type="button" onClick={close} aria-label="Close" className="grid size-9 place-items-center rounded-lg hover:bg-stone-100"><X aria-hidden className="size-4" /></button>
        </div>
        <div className="p-4">{open && children(close)}</div>
      </dialog>
    </>
  );
}
