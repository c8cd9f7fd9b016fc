// What the counter's confirmation banner says about an event just recorded: pure, shared by the
// banner and its tests. Back-dated events name their date; check-outs their visit length (or
// that no check-in was open); redemptions the reward.
import { formatDuration } from "@/lib/customers/display";
import { eventLabel, type EventType } from "@/lib/events/registry";
import { formatCount, formatMoney } from "@/lib/format";
import { formatLocal, localDate } from "@/lib/time";

/** An event counts as back-dated when it happened this long before it was recorded. */
export const BACKDATED_AFTER_MS = 10 * 60 * 1000;

export function formatInZone(instant: Date, timeZone: string): string {
  return formatLocal(instant, timeZone, "EEE, MMM d, yyyy, h:mm a");
}

export interface RecordedSummaryInput {
  type: EventType;
  customName: string | null;
  occurredAt: string;
  amount: string | null;
  points: number;
  location: string | null;
  data: Record<string, unknown>;
}

export interface RecordedSummary {
  /** "Redemption: Free Coffee", "Purchase". */
  title: string;
  details: string[];
  /** Set for a check-out with no open check-in: recorded, without a visit length. */
  warning: string | null;
}

export function recordedSummary(event: RecordedSummaryInput, currency: string, timeZone: string, recordedAt: Date): RecordedSummary {
  const occurred = new Date(event.occurredAt);
  const reward = event.type === "redemption" && typeof event.data.reward === "string" ? event.data.reward : null;
  const details: (string | null)[] = [];
  if (recordedAt.getTime() - occurred.getTime() > BACKDATED_AFTER_MS) {
    const sameDay = localDate(occurred, timeZone) === localDate(recordedAt, timeZone);
    details.push(sameDay ? `At ${formatLocal(occurred, timeZone, "h:mm a")} today` : `Dated ${formatInZone(occurred, timeZone)}`);
  }
  details.push(event.amount ? formatMoney(event.amount, currency) : null);
  const duration = typeof event.data.durationMinutes === "number" ? event.data.durationMinutes : null;
  if (event.type === "check_out" && duration !== null) details.push(`Visit length ${formatDuration(duration)}`);
  details.push(event.points > 0 ? `+${formatCount(event.points)} points` : event.points < 0 ? `${formatCount(event.points)} points` : null);
  details.push(event.location);
  return {
    title: reward ? `${eventLabel(event.type)}: ${reward}` : eventLabel(event.type, event.customName),
    details: details.filter((d): d is string => Boolean(d)),
    warning: event.type === "check_out" && duration === null ? "No open check-in was found, so this check-out has no visit length." : null,
  };
}
