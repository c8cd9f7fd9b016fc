// Audit actions in the merchant's words, for the log's Action filter (entries read as sentences:
// sentences.ts). Unknown actions (a feature added later) still read
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
  "import.undone": "Undid import",
  "segment.renamed": "Renamed segment",
  "location.added": "Added location",
  "location.renamed": "Renamed location",
  "location.archived": "Archived location",
  "location.restored": "Restored location",
  "reward.added": "Added reward",
  "reward.updated": "Changed reward",
  "business.serial_format": "Changed pass serial format",
  "seed.loaded": "Loaded demo data",
};

export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
