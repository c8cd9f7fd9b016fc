"use client";

import { Eye, EyeOff } from "lucide-react";
import { useId, useState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/team/password-rules";
import { Input } from "./field";

export const PASSWORD_RULES = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

/** A masked password input with a Show button and its rules written under it (not a browser tooltip). */
export function PasswordField({ label, name, error, autoComplete = "new-password", rules = true }: {
  label: string;
  name: string;
  error?: string;
  autoComplete?: string;
  rules?: boolean;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <div className="flex gap-2">
        <Input id={id} name={name} type={shown ? "text" : "password"} autoComplete={autoComplete} required minLength={rules ? MIN_PASSWORD_LENGTH : undefined} aria-describedby={rules ? `${id}-rules` : undefined} />
        <button
          type="button"
          onClick={() => setShown((s) => !s)}
          aria-pressed={shown}
          aria-label={shown ? "Hide password" : "Show password"}
          className="grid min-h-11 shrink-0 place-items-center rounded-lg border border-stone-300 px-3 text-sm hover:bg-stone-50"
        >
          {shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
        </button>
      </div>
      {rules && <p id={`${id}-rules`} className="text-xs text-stone-500">{PASSWORD_RULES}</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
