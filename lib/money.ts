// Money as integer cents. Amounts are validated to at most 2 decimals and 10 integer digits
// (moneyString), and lifetime spend is numeric(12,2), so every amount and every sum the write
// path makes stays far below 2^53 cents: exact, and much cheaper per event than decimal objects.

const MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250. Throws on anything that is not a decimal with at most 2 places. */
export function toCents(value: string): number {
  const match = MONEY.exec(value.trim());
  if (!match) throw new RangeError(`Not a money amount: ${value}`);
  const cents = Number(match[2]) * 100 + Number(((match[3] ?? "") + "00").slice(0, 2));
  return match[1] ? -cents : cents;
}

/** 1250 → "12.50"; -5 → "-0.05". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${fraction < 10 ? "0" : ""}${fraction}`;
}
