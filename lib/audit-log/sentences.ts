// Each audit entry as one sentence a merchant reads: who did what to whom, and what changed
// (before → after) when the entry holds it. Older entries without before values still read as a
// sentence ("Ana changed José's email"). Pure: the page looks the names up (queries.ts) and
// renders the parts, a customer as a link (or "a deleted customer" once they are gone).
import { formatCount, formatMoney } from "@/lib/format";
import { ACTIVITY_LABELS, PASS_LABELS, type ActivityFilter } from "@/lib/customers/list-params";
import { EVENT_REGISTRY, type EventType } from "@/lib/events/registry";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "./labels";

export type SentencePart = string | { customer: string; name: string | null };

export interface SentenceEntry {
  action: string;
  actorLabel: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  /** The target's current name (customer, member, location, segment, reward, key); null when gone. */
  targetName: string | null;
  /** The customer the entry is about (its target, or details.customerId for events), with their name now. */
  customer?: { id: string; name: string | null } | null;
}

type Details = Record<string, unknown>;

const FIELD_WORDS: Record<string, string> = { name: "name", email: "email", phone: "phone", externalId: "external ID" };
const KIND_WORDS: Record<string, string> = { passSerial: "pass serial", email: "email", phone: "phone", externalId: "external ID" };
const VIA_WORDS: Record<string, string> = { record: "at the counter", api: "through the API", import: "from an import" };

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Details => (v && typeof v === "object" && !Array.isArray(v) ? (v as Details) : {});
const quote = (v: unknown) => `“${str(v) ?? "?"}”`;

/** "a, b and c" */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function count(n: unknown, one: string, many: string): string {
  const value = num(n) ?? 0;
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/** The entry as text and customer links, e.g. ["Ana changed ", {customer}, "’s email from a@x.com to b@y.com"]. */
export function auditSentence(entry: SentenceEntry, currency = "USD"): SentencePart[] {
  const d = obj(entry.details);
  const who = entry.actorLabel || "Someone";
  const customerId = entry.customer?.id ?? (entry.targetType === "customer" ? entry.targetId : null) ?? str(d.customerId);
  const customer: SentencePart = customerId ? { customer: customerId, name: entry.customer ? entry.customer.name : entry.targetName } : "a customer";
  const possessive = (part: SentencePart): SentencePart[] => [part, "’s"];
  const target = entry.targetName ?? str(d.name) ?? str(d.email);
  const member = target ?? "a former team member";
  const money = (v: unknown) => (str(v) ? formatMoney(str(v) ?? "0", currency) : "none");
  const say = (...parts: SentencePart[]): SentencePart[] => [`${who} `, ...parts];

  switch (entry.action) {
    case "user.signed_in": return say("signed in");
    case "user.signed_out": return say("signed out");
    case "user.password_changed": return say("changed their password");
    case "team.member_added": return say(`added ${member} to the team${str(d.role) ? ` as ${str(d.role)}` : ""}`);
    case "team.role_changed": return say(`changed ${member}’s role${str(d.from) ? ` from ${str(d.from)}` : ""} to ${str(d.to) ?? "another role"}`);
    case "team.member_disabled": return say(`disabled ${member}’s access`);
    case "team.member_enabled": return say(`gave ${member} access again`);
    case "customer.created": return say("added ", customer, VIA_WORDS[str(d.via) ?? ""] ? ` ${VIA_WORDS[str(d.via) ?? ""]}` : "");
    case "customer.updated": return say(...customerUpdated(d, customer, possessive));
    case "customer.deleted": return say(...customerDeleted(d));
    case "customer.exported": return say("exported ", ...possessive(customer), ` data${num(d.events) !== null ? ` (${count(d.events, "event", "events")})` : ""}`);
    case "customers.exported": return say(`exported the customer list${customerFilters(d)}`);
    case "suppression.lifted": {
      const kinds = Array.isArray(d.kinds) ? d.kinds.map(String) : str(d.kind) ? [String(d.kind)] : [];
      return say(`lifted a deletion block${kinds.length ? `: the deleted customer’s ${listWords(kinds.map((k) => KIND_WORDS[k] ?? k))} can be used again` : ""}`);
    }
    case "event.recorded": return say(`recorded ${eventWords(d.type)} for `, customer);
    case "event.voided": return say(`voided ${eventWords(d.type)} of `, customer);
    case "api_key.created": return say(`created the API key ${quote(d.name)}${str(d.prefix) ? ` (${str(d.prefix)}…)` : ""}`);
    case "api_key.revoked": return say(`revoked the API key ${quote(d.name)}${str(d.prefix) ? ` (${str(d.prefix)}…)` : ""}`);
    case "import.undone": return say(`undid an import: ${count(d.events, "event", "events")} and ${count(d.customers, "new customer", "new customers")} removed`);
    case "segment.created": return say(`created the segment ${quote(d.name ?? target)}`);
    case "segment.renamed": return say(`renamed the segment ${quote(d.from)} to ${quote(d.to)}`);
    case "segment.deleted": return say(`deleted the segment ${quote(d.name ?? target)}`);
    case "segment.exported": return say(`exported the members of ${quote(d.name ?? target)}`);
    case "location.added": return say(`added the location ${quote(d.name ?? target)}`);
    case "location.renamed": return say(`renamed the location ${quote(d.from)} to ${quote(d.to)}`);
    case "location.archived": return say(`archived the location ${quote(target)}`);
    case "location.restored": return say(`restored the location ${quote(target)}`);
    case "reward.added": return say(`added the reward ${quote(d.name)}${num(d.pointsCost) !== null ? ` for ${count(d.pointsCost, "point", "points")}` : ""}`);
    case "reward.updated": return say(...rewardUpdated(d, target));
    case "loyalty.updated": return say(...loyaltyUpdated(d, money));
    case "business.serial_format": {
      const from = obj(d.from);
      const to = obj(d.to);
      const format = (f: Details) => `${str(f.prefix) ?? "?"}-${"X".repeat(Math.min(num(f.length) ?? 0, 20))}`;
      return say(`changed the pass serial format${d.from ? ` from ${format(from)}` : ""} to ${format(to)}`);
    }
    case "seed.loaded": return [`${who} loaded ${count(d.customers, "customer", "customers")} and ${count(d.events, "event", "events")}`];
    default: {
      // A label is a verb phrase ("Edited segment"); an action without one is not ("Automation paused").
      const label = auditActionLabel(entry.action);
      const lower = label.charAt(0).toLowerCase() + label.slice(1);
      return AUDIT_ACTION_LABELS[entry.action] ? say(lower) : [`${who}: ${lower}`];
    }
  }
}

/** The sentence as plain text (CSV, tests): customers by name, or "a deleted customer". */
export function auditSentenceText(entry: SentenceEntry, currency?: string): string {
  return auditSentence(entry, currency).map((p) => (typeof p === "string" ? p : (p.name ?? "a deleted customer"))).join("");
}

function eventWords(type: unknown): string {
  const key = str(type);
  const word = key && key in EVENT_REGISTRY ? EVENT_REGISTRY[key as EventType].label : null;
  return word ? `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word.toLowerCase()}` : "an event";
}

function customerUpdated(d: Details, customer: SentencePart, possessive: (p: SentencePart) => SentencePart[]): SentencePart[] {
  if (d.scrubbed) return ["changed the details of ", customer];
  const changes = obj(d.changes);
  const fields = Array.isArray(d.fields) ? d.fields.map(String) : Object.keys(changes);
  if (fields.length === 0) return ["edited ", ...possessive(customer), " details"];
  const phrases = fields.map((field) => {
    const word = FIELD_WORDS[field] ?? field;
    const change = obj(changes[field]);
    if (!(field in changes)) return word;
    const from = str(change.from);
    const to = str(change.to);
    if (from && to) return `${word} from ${from} to ${to}`;
    if (to) return `${word} to ${to} (it had none)`;
    return from ? `${word} (removed ${from})` : word;
  });
  return ["changed ", ...possessive(customer), ` ${listWords(phrases)}`];
}

function customerDeleted(d: Details): SentencePart[] {
  const kinds = Array.isArray(d.identifiersSuppressed) ? d.identifiersSuppressed.map((k) => KIND_WORDS[String(k)] ?? String(k)) : [];
  const events = num(d.eventsRemoved) !== null ? ` and ${count(d.eventsRemoved, "event", "events")}` : "";
  const blocked = kinds.length ? `; their ${listWords(kinds)} cannot come back until the block is lifted` : "";
  return [`deleted a customer on request${events}${blocked}`];
}

function customerFilters(d: Details): string {
  const parts: string[] = [];
  if (d.search) parts.push("a search");
  if (str(d.tier)) parts.push(`tier ${str(d.tier)}`);
  const pass = str(d.pass) as keyof typeof PASS_LABELS | null;
  if (pass) parts.push(`pass ${(PASS_LABELS[pass] ?? pass).toLowerCase()}`);
  const activity = str(d.activity) as ActivityFilter | null;
  if (activity) parts.push((ACTIVITY_LABELS[activity] ?? activity).toLowerCase());
  return parts.length ? `, filtered by ${listWords(parts)}` : "";
}

function rewardUpdated(d: Details, target: string | null): SentencePart[] {
  const from = obj(d.from);
  const to = d.to ? obj(d.to) : d;
  const name = str(to.name) ?? target;
  const changes: string[] = [];
  if (d.from) {
    if (str(from.name) !== str(to.name)) changes.push(`name ${quote(from.name)} → ${quote(to.name)}`);
    if (num(from.pointsCost) !== num(to.pointsCost)) changes.push(`cost ${num(from.pointsCost) ?? "?"} → ${count(to.pointsCost, "point", "points")}`);
    if (from.active !== to.active) changes.push(to.active ? "offered again" : "no longer offered");
    return [`changed the reward ${quote(str(from.name) ?? name)}${changes.length ? `: ${changes.join(", ")}` : ""}`];
  }
  // Older entries hold only the new values.
  const now = [num(to.pointsCost) !== null ? count(to.pointsCost, "point", "points") : null, to.active === false ? "not offered" : null].filter(Boolean);
  return [`changed the reward ${quote(name)}${now.length ? ` (now ${now.join(", ")})` : ""}`];
}

function loyaltyUpdated(d: Details, money: (v: unknown) => string): SentencePart[] {
  const from = obj(d.from);
  const to = obj(d.to);
  const changes: string[] = [];
  if (str(from.pointsPerCurrency) !== str(to.pointsPerCurrency)) changes.push(`points per ${money("1").replace(/\.00$/, "")} ${str(from.pointsPerCurrency) ?? "?"} → ${str(to.pointsPerCurrency) ?? "?"}`);
  const tiers = (v: unknown) => new Map((Array.isArray(v) ? v : []).map((t) => [str(obj(t).name) ?? "?", str(obj(t).minSpend)] as const));
  const before = tiers(from.tiers);
  const after = tiers(to.tiers);
  for (const [name, min] of after) {
    if (!before.has(name)) changes.push(`added ${name} from ${money(min)}`);
    else if (Number(before.get(name)) !== Number(min)) changes.push(`${name} ${money(before.get(name))} → ${money(min)}`);
  }
  for (const name of before.keys()) if (!after.has(name)) changes.push(`removed ${name}`);
  if ((str(from.maxPurchaseAmount) ?? null) !== (str(to.maxPurchaseAmount) ?? null) && ("maxPurchaseAmount" in to)) {
    changes.push(`largest purchase ${money(from.maxPurchaseAmount)} → ${money(to.maxPurchaseAmount)}`);
  }
  const moved = num(d.tiersChanged) ? `; ${count(d.tiersChanged, "customer", "customers")} moved tier` : "";
  return [`changed points and tiers${changes.length ? `: ${changes.join(", ")}` : ""}${moved}`];
}
