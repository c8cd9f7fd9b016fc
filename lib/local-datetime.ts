// `<input type="datetime-local">` values ("2025-01-15T10:45") read as wall-clock time in the
// MERCHANT's zone, not the browser's or the server's. Pure, so the form and tests share it.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant a local wall-clock time names in `timeZone`, or null for a malformed value. */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const local = new TZDate(y, mo - 1, d, h, mi, s, 0, timeZone);
  // Reject dates that rolled over (Feb 30 → Mar 2).
  if (local.getDate() !== d || local.getMonth() !== mo - 1) return null;
  return new Date(local.getTime());
}

/** An instant as a datetime-local value in `timeZone`, e.g. for the form's default "now". */
export function toLocalInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm");
}
