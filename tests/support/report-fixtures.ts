// Report fixtures: a merchant in a given zone with two locations and customers whose events sit on
// the edges reports get wrong (23:30 on the last day of a month, 00:30 on the first, DST changes),
// plus voided events, automations, custom events and a seeded random mix, all through the real
// write path (recordEvents / voidEvent) so the triggers see what production writes.
import type { MerchantContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { voidEvent } from "@/lib/events/void";
import type { EventSourceRef, RecordResult } from "@/lib/events/types";
import { createContext } from "./factories";

export interface ReportFixture {
  context: MerchantContext;
  locations: { id: string; name: string }[];
  customers: { id: string; passSerial: string }[];
  eventIds: string[];
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const created = (r: RecordResult | undefined) => (r?.status === "created" ? r.event.id : null);

export async function reportFixture(timeZone: string, options: { seed?: number; randomEvents?: number } = {}): Promise<ReportFixture> {
  const context = await createContext("owner", { timeZone });
  const { merchantId } = context;
  const locations = await Promise.all(["Downtown", "Harbor"].map((name) => db.location.create({ data: { merchantId, name }, select: { id: true, name: true } })));
  const manual: EventSourceRef = { kind: "manual", userId: context.user.id, userName: context.user.name };
  const automation: EventSourceRef = { kind: "automation", automationRunId: "00000000-0000-7000-8000-000000000002", label: "Win-back" };
  const customers: ReportFixture["customers"] = [];
  for (let i = 0; i < 6; i++) {
    const c = await db.customer.create({ data: { merchantId, name: `Fixture ${i}`, passSerial: `RF-${merchantId.slice(0, 8)}-${i}`, pass: { create: {} } }, select: { id: true, passSerial: true } });
    customers.push(c);
  }
  const ref = (i: number) => ({ passSerial: customers[i]?.passSerial ?? "" });
  const eventIds: string[] = [];
  const record = async (inputs: Record<string, unknown>[], source: EventSourceRef = manual) => {
    const results = await recordEvents(context, inputs, source);
    for (const r of results) {
      const id = created(r);
      if (id) eventIds.push(id);
    }
    return results;
  };
  // Local wall-clock times, written with the zone's offset by the caller's helper below.
  const at = (local: string) => zonedIso(local, timeZone);

  // The month edges, in both locations and without one.
  await record([
    { type: "purchase", customer: ref(0), amount: "10.50", occurredAt: at("2025-01-31T23:30"), location: "Downtown" },
    { type: "purchase", customer: ref(0), amount: "4.25", occurredAt: at("2025-02-01T00:30"), location: "Harbor" },
    { type: "visit", customer: ref(1), occurredAt: at("2025-02-01T00:30") },
    { type: "visit", customer: ref(1), occurredAt: at("2025-02-28T23:30"), location: "Downtown" },
    { type: "check_in", customer: ref(2), occurredAt: at("2025-03-01T00:30"), location: "Harbor" },
  ]);
  // Daylight-saving changes (US: Mar 9 and Nov 2 2025; EU: Mar 30 and Oct 26).
  for (const local of ["2025-03-09T01:30", "2025-03-09T03:30", "2025-03-30T03:30", "2025-10-26T02:30", "2025-11-02T01:30", "2025-11-02T23:30"]) {
    await record([{ type: "visit", customer: ref(3), occurredAt: at(local), location: "Downtown" }]);
  }
  // Redemption, custom events by name, an automation's notification and purchase, a removed pass.
  await record([
    { type: "purchase", customer: ref(2), amount: "250.00", occurredAt: at("2025-02-10T12:00"), location: "Downtown" },
    { type: "redemption", customer: ref(2), occurredAt: at("2025-02-11T12:00"), location: "Downtown", data: { reward: "Free Coffee", pointsCost: 100 } },
    { type: "custom", customName: "Birthday", customer: ref(4), occurredAt: at("2025-02-12T09:00") },
    { type: "custom", customName: "Referral", customer: ref(4), occurredAt: at("2025-02-12T09:05") },
    { type: "pass_uninstalled", customer: ref(5), occurredAt: at("2025-02-13T09:00") },
  ]);
  await record([
    { type: "notification_received", customer: ref(5), occurredAt: at("2025-02-14T10:00") },
    { type: "purchase", customer: ref(5), amount: "3.00", occurredAt: at("2025-02-14T10:00"), location: "Harbor" },
  ], automation);

  // A seeded random mix: batches and singles, back-dated out of order, then some voided.
  const randomFrom = eventIds.length;
  const random = rng(options.seed ?? 7);
  const n = options.randomEvents ?? 120;
  const types = ["purchase", "visit", "check_in", "check_out", "scan", "app_open", "notification_received", "notification_opened", "pass_installed", "pass_registered", "pass_uninstalled", "custom"];
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const type = types[Math.floor(random() * types.length)] ?? "visit";
    const month = 1 + Math.floor(random() * 5);
    const day = 1 + Math.floor(random() * 28);
    const hour = Math.floor(random() * 24);
    const where = random();
    const event: Record<string, unknown> = {
      type, customer: ref(Math.floor(random() * customers.length)),
      occurredAt: at(`2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:${random() < 0.5 ? "05" : "55"}`),
    };
    if (where < 0.4) event.location = "Downtown";
    else if (where < 0.8) event.location = "Harbor";
    if (type === "purchase") event.amount = (1 + Math.floor(random() * 5000) / 100).toFixed(2);
    if (type === "custom") event.customName = random() < 0.5 ? "Birthday" : "Tasting";
    batch.push(event);
    if (batch.length >= 1 + Math.floor(random() * 8)) {
      await record(batch, random() < 0.1 ? automation : manual);
      batch = [];
    }
  }
  if (batch.length > 0) await record(batch);
  // Void about one in eight, one at a time (the counter's Undo) …
  // … plus the edge-of-month visit on Feb 28, so voids sit on the edges too.
  for (const id of eventIds.filter((_, i) => i === 3 || (i >= randomFrom && i % 8 === 3))) await voidEvent(context, { eventId: id, reason: "Entered twice" });
  return { context, locations, customers, eventIds };
}

/** "2025-01-31T23:30" in a zone → an ISO instant with the zone's offset at that moment. */
export function zonedIso(local: string, timeZone: string): string {
  const [date, time] = local.split("T");
  const [y, m, d] = (date ?? "").split("-").map(Number);
  const [hh, mm] = (time ?? "00:00").split(":").map(Number);
  const guess = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Two passes settle the offset, also next to a DST change (a time that does not exist moves forward).
  let instant = guess;
  for (let i = 0; i < 2; i++) instant = guess - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(instant / 1000) * 1000;
}
