// Pure display formatters shared by pages and charts.
export function formatMoney(amount: string | number, currency: string): string {
  // Intl formats a decimal string exactly; no float rounding on the way.
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount as Intl.StringNumericLiteral | number);
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat("en-US").format(value);
}

/** "2025-01-15" → "Jan 15" for chart axes. */
export function formatDayShort(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
