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
 * surrogate, or nesting deeper than `maxDepth`. Walks with an explicit stack; a node keeps its
 * parent and key instead of its whole path (the path is built only for the problem found: this
 * runs for every event of an import).
 */
export function findUnstorableJson(root: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  interface Node { value: unknown; parent: Node | null; key: string | number | null; depth: number }
  const pathOf = (node: Node | null): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let n = node; n && n.key !== null; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const stack: Node[] = [{ value: root, parent: null, key: null, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const { value } = node;
    if (typeof value === "string") {
      const reason = unstorableTextReason(value);
      if (reason) {
        const path = pathOf(node);
        return { path, message: `${describe(path)} ${reason}` };
      }
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (node.depth >= maxDepth) {
      const path = pathOf(node);
      return { path, message: `${describe(path)} is nested too deeply (at most ${maxDepth} levels)` };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: node, key: i, depth: node.depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const reason = unstorableTextReason(key);
      // The path stops at the parent: the key itself is what cannot be printed or stored.
      if (reason) {
        const path = pathOf(node);
        return { path, message: `${path.length ? `A key in ${describe(path)}` : "A key"} ${reason}` };
      }
      stack.push({ value: (value as Record<string, unknown>)[key], parent: node, key, depth: node.depth + 1 });
    }
  }
  return null;
}

function describe(path: (string | number)[]): string {
  const last = path.at(-1);
  return last === undefined ? "The value" : typeof last === "number" ? `Item ${last}` : String(last);
}
