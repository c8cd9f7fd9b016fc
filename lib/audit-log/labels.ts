// Audit actions in the merchant's words. Unknown actions (a feature added later) still read
// sensibly: "import.finished" → "Import finished".
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "user.signed_in": "Signed in",
  "user.signed_out": "Signed out",
  "user.password_changed": "Changed their password",
  "team.member_added": "Added team member",
  "team.role_changed": "Changed role",
  "team.member_disabled": "Disabled team member",
  "team.member_enabled": "Enabled team member",
  "customer.created": "Added customer",
  "customer.updated": "Edited customer details",
  "customer.deleted": "Deleted customer",
  "customer.exported": "Exported customer data",
  "customers.exported": "Exported customer list",
  "suppression.lifted": "Lifted a deletion block",
  "event.recorded": "Recorded event",
  "event.voided": "Voided event",
  "api_key.created": "Created API key",
  "api_key.revoked": "Revoked API key",
  "import.started": "Started import",
  "import.completed": "Completed import",
  "import.failed": "Import failed",
  "import.cancelled": "Cancelled import",
  "segment.created": "Created segment",
  "segment.updated": "Edited segment",
  "segment.deleted": "Deleted segment",
  "segment.exported": "Exported segment",
  "automation.created": "Created automation",
  "automation.updated": "Edited automation",
  "automation.deleted": "Deleted automation",
  "settings.updated": "Changed settings",
  "loyalty.updated": "Changed points and tiers",
};

export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FIELD_WORDS: Record<string, string> = { name: "name", email: "email", phone: "phone", externalId: "external ID" };

/** An entry's details as short "key: value" text (details never hold personal data). */
export function auditDetailsText(details: unknown): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  const { fields, ...rest } = details as Record<string, unknown>;
  // A contact edit names what changed, never the values (they are personal data).
  const changed = Array.isArray(fields) ? `Changed ${fields.map((f) => FIELD_WORDS[String(f)] ?? String(f)).join(", ")}` : "";
  return [changed, auditDetailsRest(rest)].filter(Boolean).join(" · ");
}

function auditDetailsRest(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: ${Array.isArray(value) ? value.join(", ") : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}
