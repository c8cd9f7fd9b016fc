// Counted words ("1 visit", "2 visits") through Intl.PluralRules, so every count on every screen
// agrees with its noun. English today; the rules object is where another locale would plug in.
import { formatCount } from "./format";

export interface Noun {
  one: string;
  other: string;
}

const RULES = new Intl.PluralRules("en-US");

/** The form of `noun` that goes with `count`. */
export function pluralWord(count: number, noun: Noun): string {
  return RULES.select(count) === "one" ? noun.one : noun.other;
}

/** "1 visit", "1,204 visits". */
export function countOf(count: number, noun: Noun): string {
  return `${formatCount(count)} ${pluralWord(count, noun)}`;
}

/** The nouns the dashboard counts. */
export const NOUNS = {
  visit: { one: "visit", other: "visits" },
  purchase: { one: "purchase", other: "purchases" },
  point: { one: "point", other: "points" },
  customer: { one: "customer", other: "customers" },
  event: { one: "event", other: "events" },
  entry: { one: "entry", other: "entries" },
  page: { one: "page", other: "pages" },
  row: { one: "row", other: "rows" },
  member: { one: "member", other: "members" },
} satisfies Record<string, Noun>;
