// What a typed search means, shared by the record screen's search and the customer list: pure,
// so both build the same conditions on customers.search_text (migration 20261202050000).
import { Prisma } from "@/lib/generated/prisma/client";

/** Words shorter than this have no trigram of their own; the index can only answer longer ones. */
export const TRIGRAM_LENGTH = 3;
export const MAX_SEARCH_WORDS = 6;

export interface SearchTerms {
  /** Lower-case words as typed (the database folds accents with the same function as the column). */
  words: string[];
  /** Set when the query is a phone number: its digits, matched against the stored E.164 digits. */
  phoneDigits: string | null;
  /** At least one word the trigram index can answer on its own. */
  indexable: boolean;
}

// "+1 (212) 555-0570", "2125550570", "555 0570": digits and phone punctuation only.
const PHONE_QUERY = /^\+?[\d\s().\-/]+$/;

/** Splits a query into words (any order, each must match), or one phone-digits term. */
export function parseSearchTerms(query: string): SearchTerms {
  const q = query.trim();
  const digits = q.replace(/\D/g, "");
  if (PHONE_QUERY.test(q) && digits.length >= TRIGRAM_LENGTH && /\s|[()\-/.]|^\+/.test(q)) {
    // A number typed with a trunk 0 ("07700 900123") is stored as +44 7700 900123: drop the 0s.
    const core = digits.replace(/^0+/, "") || digits;
    return { words: [core], phoneDigits: core, indexable: core.length >= TRIGRAM_LENGTH };
  }
  const words = [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
  const bare = words.length === 1 && /^\d+$/.test(words[0] ?? "") ? (words[0] ?? "").replace(/^0+/, "") : null;
  if (bare && bare.length >= TRIGRAM_LENGTH) return { words: [bare], phoneDigits: bare, indexable: true };
  return { words, phoneDigits: null, indexable: words.some((w) => [...w].length >= TRIGRAM_LENGTH) };
}

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Every word somewhere in the customer's search text (`alias.search_text`), accents and case
 * ignored. `prefix` asks instead that every word start a word ("mar" → Martín, not Omar).
 */
export function searchTextCondition(alias: string, terms: SearchTerms, prefix = false): Prisma.Sql {
  const column = Prisma.raw(`${alias}.search_text`);
  const lead = prefix ? "% " : "%";
  return Prisma.join(
    terms.words.map((word) => Prisma.sql`${column} LIKE (${lead} || punchcard_fold(${escapeLike(word)}) || '%')`),
    " AND ",
  );
}
