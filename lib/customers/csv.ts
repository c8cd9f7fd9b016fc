// CSV writing for exports. Pure, so the formula-injection guard is unit-tested on its own.

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
// return, strips them and then does): `=HYPERLINK(...)` in a customer's name must stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised against formula injection, then quoted when needed (RFC 4180). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // Numbers we write ourselves (e.g. -5 points) are data, not formulas; only text is guarded.
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A file name safe in a Content-Disposition header. */
export function exportFileName(base: string, day: string, ext: string): string {
  return `${base.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "export"}-${day}.${ext}`;
}
