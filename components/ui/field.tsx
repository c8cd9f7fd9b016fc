import { cn } from "@/lib/cn";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const CONTROL = "block w-full min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-base shadow-sm focus:border-brand-600 sm:text-sm";

export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      {/* Hint and error sit outside the label so the control's accessible name is just the label. */}
      <label className="block space-y-1">
        <span className="text-sm font-medium text-stone-800">{label}</span>
        {children}
      </label>
      {hint && !error && <p className="text-xs text-stone-500">{hint}</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(CONTROL, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(CONTROL, className)} {...props} />;
}
