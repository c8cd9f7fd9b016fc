import { describe, expect, it } from "vitest";
import { auditSentence, auditSentenceText, listWords, type SentenceEntry } from "./sentences";

const C = "0193a000-0000-7000-8000-000000000001";
const entry = (action: string, details: unknown = {}, more: Partial<SentenceEntry> = {}): SentenceEntry => ({
  action, actorLabel: "Ana", targetType: null, targetId: null, details, targetName: null, ...more,
});
const text = (e: SentenceEntry) => auditSentenceText(e, "USD");
const aboutJose = { targetType: "customer", targetId: C, targetName: "José Hernández", customer: { id: C, name: "José Hernández" } };
const aboutDeleted = { targetType: "customer", targetId: C, targetName: null, customer: { id: C, name: null } };
const member = { targetType: "user", targetId: C, targetName: "Bea Barista" };

describe("audit sentences", () => {
  it("say what changed in a customer's contact details, before → after", () => {
    const changes = { email: { from: "a@x.com", to: "b@y.com" }, phone: { from: null, to: "+12125550142" }, name: { from: "Jose", to: null } };
    expect(text(entry("customer.updated", { fields: ["email", "phone", "name"], changes }, aboutJose)))
      .toBe("Ana changed José Hernández’s email from a@x.com to b@y.com, phone to +12125550142 (it had none) and name (removed Jose)");
    // Older entries hold only the fields.
    expect(text(entry("customer.updated", { fields: ["email", "externalId"] }, aboutJose))).toBe("Ana changed José Hernández’s email and external ID");
    expect(text(entry("customer.updated", {}, aboutJose))).toBe("Ana edited José Hernández’s details");
    // Deleted since: scrubbed, and no name.
    expect(text(entry("customer.updated", { scrubbed: true }, aboutDeleted))).toBe("Ana changed the details of a deleted customer");
  });

  it("link the customer while they exist and say 'a deleted customer' after", () => {
    expect(auditSentence(entry("customer.exported", { events: 12 }, aboutJose))).toEqual(["Ana ", "exported ", { customer: C, name: "José Hernández" }, "’s", " data (12 events)"]);
    expect(text(entry("customer.exported", { events: 1 }, aboutDeleted))).toBe("Ana exported a deleted customer’s data (1 event)");
    expect(text(entry("customer.created", { via: "record" }, aboutJose))).toBe("Ana added José Hernández at the counter");
    expect(text(entry("customer.created", { via: "api" }, aboutJose))).toBe("Ana added José Hernández through the API");
    expect(text(entry("customer.created", { via: "import" }, aboutDeleted))).toBe("Ana added a deleted customer from an import");
  });

  it("name events and their customer", () => {
    const about = { targetType: "event", targetId: C, customer: { id: C, name: "José Hernández" } };
    expect(text(entry("event.recorded", { type: "purchase", customerId: C }, about))).toBe("Ana recorded a purchase for José Hernández");
    expect(text(entry("event.voided", { type: "visit", customerId: C }, about))).toBe("Ana voided a visit of José Hernández");
    expect(text(entry("event.recorded", { type: "no_such_type", customerId: C }, { ...about, customer: { id: C, name: null } }))).toBe("Ana recorded an event for a deleted customer");
  });

  it("tell a deletion and lifting its block", () => {
    expect(text(entry("customer.deleted", { eventsRemoved: 40, identifiersSuppressed: ["passSerial", "email", "phone"], auditEntriesScrubbed: 2 }, aboutDeleted)))
      .toBe("Ana deleted a customer on request and 40 events; their pass serial, email and phone cannot come back until the block is lifted");
    expect(text(entry("suppression.lifted", { kinds: ["email", "phone"], receipt: C }))).toBe("Ana lifted a deletion block: the deleted customer’s email and phone can be used again");
    expect(text(entry("suppression.lifted", { kind: "externalId", receipt: C }))).toBe("Ana lifted a deletion block: the deleted customer’s external ID can be used again");
  });

  it("say which list was exported", () => {
    expect(text(entry("customers.exported", { search: false, tier: null, pass: null, activity: null }))).toBe("Ana exported the customer list");
    expect(text(entry("customers.exported", { search: true, tier: "Gold", pass: "installed", activity: "seen_30d" })))
      .toBe("Ana exported the customer list, filtered by a search, tier Gold, pass installed and active in the last 30 days");
  });

  it("tell team changes with the member's name, or their email once they are gone", () => {
    expect(text(entry("user.signed_in"))).toBe("Ana signed in");
    expect(text(entry("user.signed_out"))).toBe("Ana signed out");
    expect(text(entry("user.password_changed", {}, member))).toBe("Ana changed their password");
    expect(text(entry("team.member_added", { email: "bea@x.com", role: "staff" }, member))).toBe("Ana added Bea Barista to the team as staff");
    expect(text(entry("team.role_changed", { email: "bea@x.com", from: "staff", to: "manager" }, member))).toBe("Ana changed Bea Barista’s role from staff to manager");
    expect(text(entry("team.member_disabled", { email: "bea@x.com" }, { ...member, targetName: null }))).toBe("Ana disabled bea@x.com’s access");
    expect(text(entry("team.member_enabled", {}, { ...member, targetName: null }))).toBe("Ana gave a former team member access again");
  });

  it("tell settings changes before → after", () => {
    const tiers = (gold: string) => [{ name: "Silver", minSpend: "500.00" }, { name: "Gold", minSpend: gold }];
    expect(text(entry("loyalty.updated", {
      from: { pointsPerCurrency: "1", tiers: tiers("1500.00"), maxPurchaseAmount: null },
      to: { pointsPerCurrency: "2", tiers: [...tiers("1600.00"), { name: "Platinum", minSpend: "3000.00" }].filter((t) => t.name !== "Silver"), maxPurchaseAmount: "500.00" },
      tiersChanged: 3,
    }))).toBe("Ana changed points and tiers: points per $1 1 → 2, Gold $1,500.00 → $1,600.00, added Platinum from $3,000.00, removed Silver, largest purchase none → $500.00; 3 customers moved tier");
    expect(text(entry("loyalty.updated", { from: { pointsPerCurrency: "1", tiers: tiers("1500.00"), maxPurchaseAmount: null }, to: { pointsPerCurrency: "1", tiers: tiers("1500"), maxPurchaseAmount: null }, tiersChanged: 0 })))
      .toBe("Ana changed points and tiers");
    expect(text(entry("business.serial_format", { from: { prefix: "BB", length: 8 }, to: { prefix: "XY", length: 6 } }))).toBe("Ana changed the pass serial format from BB-XXXXXXXX to XY-XXXXXX");
    expect(text(entry("reward.added", { name: "Cake", pointsCost: 5 }))).toBe("Ana added the reward “Cake” for 5 points");
    expect(text(entry("reward.updated", { from: { name: "Cake", pointsCost: 5, active: true }, to: { name: "Big cake", pointsCost: 8, active: false } })))
      .toBe("Ana changed the reward “Cake”: name “Cake” → “Big cake”, cost 5 → 8 points, no longer offered");
    // Older entries: only the new values.
    expect(text(entry("reward.updated", { name: "Cake", pointsCost: 1, active: true }))).toBe("Ana changed the reward “Cake” (now 1 point)");
  });

  it("name keys, segments, locations and imports", () => {
    expect(text(entry("api_key.created", { name: "Till 1", prefix: "pc_live_abcdefgh" }))).toBe("Ana created the API key “Till 1” (pc_live_abcdefgh…)");
    expect(text(entry("api_key.revoked", { name: "Till 1", prefix: "pc_live_abcdefgh" }))).toBe("Ana revoked the API key “Till 1” (pc_live_abcdefgh…)");
    expect(text(entry("segment.created", { name: "Regulars" }))).toBe("Ana created the segment “Regulars”");
    expect(text(entry("segment.renamed", { from: "Regulars", to: "Loyal" }))).toBe("Ana renamed the segment “Regulars” to “Loyal”");
    expect(text(entry("segment.deleted", { name: "Loyal" }))).toBe("Ana deleted the segment “Loyal”");
    expect(text(entry("segment.exported", { name: "Loyal" }))).toBe("Ana exported the members of “Loyal”");
    expect(text(entry("location.added", { name: "Kiosk" }))).toBe("Ana added the location “Kiosk”");
    expect(text(entry("location.renamed", { from: "Kiosk", to: "Kiosk East" }))).toBe("Ana renamed the location “Kiosk” to “Kiosk East”");
    expect(text(entry("location.archived", {}, { targetType: "location", targetName: "Kiosk East" }))).toBe("Ana archived the location “Kiosk East”");
    expect(text(entry("location.restored", {}, { targetType: "location", targetName: "Kiosk East" }))).toBe("Ana restored the location “Kiosk East”");
    expect(text(entry("import.undone", { events: 3547, customers: 1 }))).toBe("Ana undid an import: 3,547 events and 1 new customer removed");
    expect(text(entry("seed.loaded", { seed: 42, customers: 2000, events: 100000 }, { actorLabel: "Demo data" }))).toBe("Demo data loaded 2,000 customers and 100,000 events");
  });

  it("still read as a sentence for actions added later", () => {
    expect(text(entry("automation.paused"))).toBe("Ana: automation paused");
    expect(text(entry("segment.updated"))).toBe("Ana edited segment");
    expect(listWords(["a"])).toBe("a");
    expect(listWords(["a", "b", "c"])).toBe("a, b and c");
  });
});
