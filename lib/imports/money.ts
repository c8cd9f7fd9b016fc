// Money text from spreadsheets to integer cents, exactly (decimal.js, never a float):
// "$1,234.56", "1.234,56 €", "(12.00)", "-12.00", "12.00-", "1'234.50", "2.5499999999999998".
// Which character is the decimal separator is decided once per column from all its values.
import Decimal from "decimal.js";

export type DecimalSeparator = "." | ",";

const CURRENCY = /[$€£¥₹₩₽₺₪₫฿₴₦]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|SEK|NOK|DKK|NZD|MXN|BRL|PLN|CZK|HUF|INR)\b|\b(?:kr|zł|Fr)\.?/gi;
/** Largest amount the write path accepts (10 integer digits). */
const MAX_CENTS = 9_999_999_999_99;

/** A bare number ("12", "-3.50", "+1,5"): most cells of a till's export, which need none of strip's regular expressions. */
const PLAIN = /^[+-]?\d+(?:[.,]\d+)?$/;

function strip(text: string): { body: string; negative: boolean } | null {
  if (PLAIN.test(text)) {
    const sign = text[0];
    return sign === "-" ? { body: text.slice(1), negative: true } : { body: sign === "+" ? text.slice(1) : text, negative: false };
  }
  let body = text.replace(CURRENCY, "").replace(/[\s\u00a0\u202f']/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  if (body.startsWith("-") || body.startsWith("−")) {
    negative = !negative;
    body = body.slice(1);
  } else if (body.endsWith("-")) {
    negative = !negative;
    body = body.slice(0, -1);
  } else if (body.startsWith("+")) body = body.slice(1);
  return body === "" ? null : { body, negative };
}

/** What one value says about the decimal separator, if anything. */
export function separatorEvidence(text: string): DecimalSeparator | null {
  const stripped = strip(text);
  if (!stripped) return null;
  const { body } = stripped;
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const only = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (!only) return null;
  const parts = body.split(only);
  // "1,234" / "1.234" could be thousands; "12,5", "3.14159" or "1,234,567" (twice) cannot be ambiguous.
  if (parts.length > 2) return only === "." ? "," : ".";
  return parts[1]!.length === 3 ? null : only;
}

export function detectDecimalSeparator(values: Iterable<string>, fallback: DecimalSeparator = "."): DecimalSeparator {
  const evidence = new DecimalEvidence();
  for (const value of values) evidence.add(value);
  return evidence.separator(fallback);
}

/** detectDecimalSeparator one value at a time (the import's scan holds no values). */
export class DecimalEvidence {
  private dot = 0;
  private comma = 0;

  add(value: string): void {
    const evidence = separatorEvidence(value);
    if (evidence === ".") this.dot++;
    else if (evidence === ",") this.comma++;
  }

  separator(fallback: DecimalSeparator = "."): DecimalSeparator {
    if (this.dot === this.comma) return fallback;
    return this.dot > this.comma ? "." : ",";
  }
}

export type MoneyResult = { ok: true; cents: number } | { ok: false; reason: string };

/** "1,234,567.89" (or "1.234.567,89"): digits grouped by thousands, by decimal separator. */
const GROUPED: Record<DecimalSeparator, RegExp> = { ".": /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, ",": /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/ };

/** Exact decimal string ("-1234.5678") of a money text, before rounding to cents; null if not money. */
export function moneyDecimal(text: string, separator: DecimalSeparator = "."): Decimal | null {
  const stripped = strip(text.trim());
  if (!stripped) return null;
  const thousands = separator === "." ? "," : ".";
  const grouped = GROUPED[separator];
  let body = stripped.body;
  if (grouped.test(body)) body = body.split(thousands).join("");
  if (separator === ",") body = body.replace(",", ".");
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) return null;
  const value = new Decimal(body);
  return stripped.negative ? value.negated() : value;
}

/** Rounds half away from zero to whole cents, as a till would. */
export function toCentsExact(value: Decimal): MoneyResult {
  const cents = value.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (cents.abs().greaterThan(MAX_CENTS)) return { ok: false, reason: "The amount is too large." };
  return { ok: true, cents: cents.toNumber() };
}

export function parseMoney(text: string, separator: DecimalSeparator = "."): MoneyResult {
  if (text.trim() === "") return { ok: false, reason: "The amount is empty." };
  const value = moneyDecimal(text, separator);
  if (!value) return { ok: false, reason: `“${text}” is not an amount of money.` };
  return toCentsExact(value);
}
