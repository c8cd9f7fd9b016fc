// The segment templates: one click each, then editable. Keys and meanings are part of the API
// (GET /api/v1/segments/templates), so they never change; "visit" means visit or check_in, as the
// pass's visit count does, and "activity" is the shared definition of lib/events/activity.ts.
import type { Condition, EventMatch, SegmentDefinition, SegmentWindow } from "./definition";
import type { EventType } from "@/lib/events/registry";

export interface SegmentTemplate {
  key: string;
  name: string;
  description: string;
  definition: SegmentDefinition;
}

const of = (...types: EventType[]): EventMatch => ({ types });
const days = (n: number) => ({ kind: "last_days", days: n }) as const;
const ALL: SegmentWindow = { kind: "all_time" };
const VISITS = of("visit", "check_in");
const all = (...conditions: Condition[]): SegmentDefinition => ({ kind: "group", match: "all", conditions });
const has = (event: EventMatch, window: SegmentWindow = ALL, yes = true): Condition => ({ kind: "has", event, window, has: yes });

export const SEGMENT_TEMPLATES: readonly SegmentTemplate[] = [
  { key: "new_signups_week", name: "New sign-ups this week", description: "Registered their pass in the last 7 days.", definition: all(has(of("pass_registered"), days(7))) },
  { key: "recently_installed", name: "Recently installed", description: "Installed their pass in the last 30 days.", definition: all(has(of("pass_installed"), days(30))) },
  { key: "uninstalled", name: "Removed their pass", description: "Have removed their pass from their wallet.", definition: all(has(of("pass_uninstalled"))) },
  { key: "clicked_offers", name: "Clicked offers", description: "Have clicked a link.", definition: all(has(of("link_click"))) },
  { key: "opened_notifications", name: "Opened notifications", description: "Opened a notification in the last 7 days.", definition: all(has(of("notification_opened"), days(7))) },
  { key: "gym_regulars", name: "Gym regulars", description: "12 or more check-ins in the last 30 days.", definition: all({ kind: "count", event: of("check_in"), window: days(30), compare: { op: "gte", value: 12 } }) },
  { key: "session_trackers", name: "Session trackers", description: "Have checked in and have checked out.", definition: all(has(of("check_in")), has(of("check_out"))) },
  { key: "purchases_5_plus", name: "5+ purchases", description: "Made 5 or more purchases.", definition: all({ kind: "count", event: of("purchase"), window: ALL, compare: { op: "gte", value: 5 } }) },
  { key: "visits_10_plus", name: "10+ visits", description: "10 or more visits (visits and check-ins).", definition: all({ kind: "count", event: VISITS, window: ALL, compare: { op: "gte", value: 10 } }) },
  { key: "spend_500_plus", name: "Spent 500+", description: "Purchases total 500 or more.", definition: all({ kind: "sum", event: of("purchase"), field: "amount", window: ALL, compare: { op: "gte", value: "500" } }) },
  { key: "visited_30d", name: "Visited in the last 30 days", description: "A visit or check-in in the last 30 days.", definition: all(has(VISITS, days(30))) },
  { key: "active_30d", name: "Active buyers", description: "A purchase in the last 30 days.", definition: all(has(of("purchase"), days(30))) },
  { key: "at_risk_60d", name: "At risk", description: "Have purchased, but not in the last 60 days.", definition: all({ kind: "recency", event: of("purchase"), within: false, window: days(60), includeNever: false }) },
  { key: "lapsed_90d", name: "Lapsed", description: "Some activity, but none in the last 90 days.", definition: all({ kind: "recency", event: { types: "activity" }, within: false, window: days(90), includeNever: false }) },
  { key: "never_redeemed", name: "Never redeemed", description: "Have never redeemed a reward (customers with no events included).", definition: all(has(of("redemption"), ALL, false)) },
  { key: "new_or_occasional", name: "New or occasional", description: "Purchases total less than 50 (customers with no purchases included).", definition: all({ kind: "sum", event: of("purchase"), field: "amount", window: ALL, compare: { op: "lt", value: "50" } }) },
  { key: "engaged_members", name: "Engaged members", description: "Earned 1,000 points or more.", definition: all({ kind: "sum", event: { types: "any" }, field: "points_earned", window: ALL, compare: { op: "gte", value: "1000" } }) },
];

export function segmentTemplate(key: string): SegmentTemplate | undefined {
  return SEGMENT_TEMPLATES.find((t) => t.key === key);
}
