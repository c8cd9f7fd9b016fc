// How an import's rows are split into write streams (lib/imports/process.ts): every row of one
// customer to the same stream, so each stream can apply the pass rules in file order by itself.
import type { ImportMapping } from "./mapping";
import type { Outcome } from "./rows";

/**
 * The stream an outcome is written by: a hash of its customer's identifier as the write path will
 * match it (trimmed; an email in lower case), so that all of a customer's rows go to one stream;
 * rows in error, which record nothing, by their line.
 */
export function streamOf(outcome: Outcome, identifyBy: ImportMapping["customer"]["identifyBy"], streams: number): number {
  if (streams <= 1) return 0;
  if (outcome.kind === "errors") return (outcome.errors[0]?.line ?? 0) % streams;
  const value = (outcome.input.customer[identifyBy] ?? "").trim();
  const key = identifyBy === "email" ? value.toLowerCase() : value;
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % streams;
}
