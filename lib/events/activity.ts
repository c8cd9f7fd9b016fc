// What "activity" means, said once. "Last activity", "active", "lapsed" and "returning" in the
// customer list, the overview, segments and reports all use this definition: every event type the
// registry marks `countsAsActivity` (all but notification_received and pass_uninstalled), and never
// an event recorded by an automation — otherwise a win-back message would take a lapsed customer
// out of the very audience it was sent to.
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT_REGISTRY, EVENT_TYPES, type EventType } from "./registry";

export type EventSourceValue = "manual" | "api" | "import" | "automation";

/** Event types that count as activity (when not recorded by an automation). */
export const ACTIVITY_TYPES: readonly EventType[] = EVENT_TYPES.filter((t) => EVENT_REGISTRY[t].countsAsActivity);

/** Event types that never count as activity, whoever recorded them. */
export const NON_ACTIVITY_TYPES: readonly EventType[] = EVENT_TYPES.filter((t) => !EVENT_REGISTRY[t].countsAsActivity);

/** Whether an event of this type, recorded through this source, is activity. */
export function isActivity(type: EventType, source: EventSourceValue): boolean {
  return source !== "automation" && EVENT_REGISTRY[type].countsAsActivity;
}

/**
 * The same rule as a SQL predicate over an events row aliased `alias` (a trusted identifier,
 * never user input). The type list is bound as a parameter.
 */
export function activitySql(alias = "e"): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`activitySql: invalid alias ${alias}`);
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}.type <> ALL(${[...NON_ACTIVITY_TYPES]}::"EventType"[]) AND ${a}.source <> 'automation'::"EventSource")`;
}
