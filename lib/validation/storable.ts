// What PostgreSQL can store, checked before anything reaches it. `text` and `jsonb` refuse the NUL
// character and a UTF-16 surrogate without its pair ("\ud800"); either would fail the statement,
// and with it every event in the same transaction, on every retry. Deeply nested JSON is refused
// too: hashing, storing and rendering it all cost time and stack per level. Pure and iterative,
// so a hostile document cannot overflow the stack of the code meant to refuse it.
import { z } from "zod";

/** Nesting levels allowed in one event (the event object itself is level 1). */
export const MAX_JSON_DEPTH = 16;

const NUL_MESSAGE = "must not contain the NUL character (\\u0000)";
const SURROGATE_MESSAGE = "must not contain an unpaired UTF-16 surrogate";

/** Why this text cannot be stored, or null when it can. */
export function unstorableTextReason(value: string): string | null {
  if (value.includes("\u0000")) return NUL_MESSAGE;
  if (!value.isWellFormed()) return SURROGATE_MESSAGE;
  return null;
}

export const isStorableText = (value: string) => unstorableTextReason(value) === null;

/** A zod string that PostgreSQL can store (put before .trim()/.min()/.max()). */
export function storableString(label = "This value") {
  return z.string().superRefine((value, ctx) => {
    const reason = unstorableTextReason(value);
    if (reason) ctx.addIssue({ code: "custom", message: `${label} ${reason}` });
  });
}

export interface JsonProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The first place in a parsed JSON value that cannot be stored: a key or string with NUL or a lone
 * surrogate, or nesting deeper than `maxDepth`. Walks with an explicit stack.
 */
export function findUnstorableJson(root: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value === "string") {
      const reason = unstorableTextReason(value);
      if (reason) return { path, message: `${describe(path)} ${reason}` };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= maxDepth) return { path, message: `${describe(path)} is nested too deeply (at most ${maxDepth} levels)` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      const reason = unstorableTextReason(key);
      // The path stops at the parent: the key itself is what cannot be printed or stored.
      if (reason) return { path, message: `${path.length ? `A key in ${describe(path)}` : "A key"} ${reason}` };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

function describe(path: (string | number)[]): string {
  const last = path.at(-1);
  return last === undefined ? "The value" : typeof last === "number" ? `Item ${last}` : String(last);
}
