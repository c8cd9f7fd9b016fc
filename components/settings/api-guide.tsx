import Link from "next/link";
import type { ReactNode } from "react";
import { EVENT_REGISTRY, EVENT_TYPES } from "@/lib/events/registry";
import { Card } from "@/components/ui/card";
import { CopyButton } from "./api-key-forms";

function Code({ children, copy = true }: { children: string; copy?: boolean }) {
  return (
    <div className="space-y-1">
      {copy && <div className="flex justify-end"><CopyButton text={children} /></div>}
      <pre className="overflow-x-auto rounded-lg bg-stone-900 p-3 text-xs leading-relaxed text-stone-100 sm:text-sm"><code>{children}</code></pre>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card title={<span id={id}>{title}</span>} className="space-y-3 [&>*+*]:mt-3">
      {children}
    </Card>
  );
}

export function ApiGuide({ baseUrl, currency }: { baseUrl: string; currency: string }) {
  const key = "$PUNCHCARD_KEY";
  const single = `curl -X POST ${baseUrl}/api/v1/events \\
  -H "Authorization: Bearer ${key}" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: till-3-receipt-100245" \\
  -d '{
    "type": "purchase",
    "customer": { "passSerial": "BB-7KQ2MX9P" },
    "occurredAt": "2025-01-15T15:45:00Z",
    "amount": 127.50,
    "location": "Downtown",
    "data": { "items": 4 }
  }'`;
  const singleReply = `HTTP/1.1 201 Created
{
  "event": { "id": "…", "type": "purchase", "amount": "127.50", "points": 127, … },
  "pass": { "pointsBalance": 840, "visitCount": 12, "tier": "Silver", "lifetimeSpend": "612.40" }
}`;
  const batch = `curl -X POST ${baseUrl}/api/v1/events \\
  -H "Authorization: Bearer ${key}" \\
  -H "Content-Type: application/json" \\
  -d '{
    "events": [
      { "type": "visit", "customer": { "externalId": "pos-1187" }, "idempotencyKey": "visit-1187-2025-01-15" },
      { "type": "purchase", "customer": { "email": "ada@example.com" }, "amount": "8.40",
        "createCustomer": true, "idempotencyKey": "receipt-100246" },
      { "type": "custom", "customName": "Class booked", "customer": { "passSerial": "BB-7KQ2MX9P" },
        "idempotencyKey": "booking-5521" }
    ]
  }'`;
  const batchReply = `{
  "results": [
    { "status": "created", "event": { … }, "pass": { … } },
    { "status": "duplicate", "event": { … }, "pass": { … } },
    { "status": "error", "error": { "code": "customer_not_found", "message": "No customer matches pass serial BB-7KQ2MX9P.", "path": "customer" } }
  ]
}`;
  const lookup = `curl "${baseUrl}/api/v1/customers/lookup?passSerial=BB-7KQ2MX9P" \\
  -H "Authorization: Bearer ${key}"`;
  const history = `curl "${baseUrl}/api/v1/events?customer=BB-7KQ2MX9P" \\
  -H "Authorization: Bearer ${key}"`;
  const error = `HTTP/1.1 422 Unprocessable Entity
{ "error": { "code": "validation_error", "message": "amount is required for a purchase", "path": "amount" } }`;

  return (
    <div className="space-y-4">
      <Card>
        <p className="text-stone-700">
          Your point-of-sale or booking system records events over HTTPS. Every request carries an API key
          (create one under <Link href="/settings/api-keys" className="font-medium text-brand-700 underline">API keys</Link>) as
          <code className="mx-1 rounded bg-stone-100 px-1">Authorization: Bearer &lt;key&gt;</code>.
          Base URL: <code className="rounded bg-stone-100 px-1">{baseUrl}/api/v1</code>.
          The machine-readable description is at <a href={`${baseUrl}/api/v1/openapi.json`} className="font-medium text-brand-700 underline">/api/v1/openapi.json</a>.
        </p>
        <nav aria-label="On this page" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {[["record", "Record an event"], ["batch", "Batches"], ["retries", "Retries"], ["lookup", "Look up a pass"], ["history", "A customer’s events"], ["types", "Event types"], ["errors", "Errors"]].map(([id, label]) => (
            <a key={id} href={`#${id}`} className="text-brand-700 underline">{label}</a>
          ))}
        </nav>
      </Card>

      <Section id="record" title="Record an event">
        <p className="text-sm text-stone-700">
          Identify the customer by <code>passSerial</code>, <code>externalId</code> (your system’s id) or <code>email</code>.
          <code> occurredAt</code> is optional (default: now) and needs a time zone; <code>amount</code> is in {currency} with up to 2 decimals
          (a JSON number or a string); <code>location</code> is a location’s name. Add <code>&quot;createCustomer&quot;: true</code> to create an unknown customer.
        </p>
        <Code>{single}</Code>
        <p className="text-sm text-stone-700">Answer: the event and the pass as it now stands.</p>
        <Code copy={false}>{singleReply}</Code>
      </Section>

      <Section id="batch" title="Batches (up to 1,000 events)">
        <p className="text-sm text-stone-700">Send <code>{"{ \"events\": [ … ] }"}</code>. Each event succeeds or fails on its own; results come back in the same order. Give each event its own <code>idempotencyKey</code>.</p>
        <Code>{batch}</Code>
        <Code copy={false}>{batchReply}</Code>
      </Section>

      <Section id="retries" title="Retry safely with idempotency keys">
        <p className="text-sm text-stone-700">
          Send the same <code>Idempotency-Key</code> header (single events) or <code>idempotencyKey</code> (in batches) when you retry,
          e.g. your receipt number. A repeat returns the original event with <code>&quot;status&quot;: &quot;duplicate&quot;</code> and records nothing twice.
          Reusing a key with a different body is refused with <code>idempotency_conflict</code>.
        </p>
      </Section>

      <Section id="lookup" title="Look up a pass after a scan">
        <Code>{lookup}</Code>
        <p className="text-sm text-stone-700">Returns the customer with points, visits, tier and lifetime spend; 404 when no pass has that serial.</p>
      </Section>

      <Section id="history" title="A customer’s events">
        <Code>{history}</Code>
      </Section>

      <Section id="types" title="Event types">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-stone-600"><tr><th className="py-1 pr-3 font-medium">type</th><th className="py-1 pr-3 font-medium">amount</th><th className="py-1 font-medium">data fields</th></tr></thead>
            <tbody>
              {EVENT_TYPES.map((t) => {
                const spec = EVENT_REGISTRY[t];
                return (
                  <tr key={t} className="border-t border-stone-100">
                    <td className="py-1 pr-3 font-mono">{t}</td>
                    <td className="py-1 pr-3">{spec.amount}</td>
                    <td className="py-1">
                      {t === "custom" ? <>requires <code>customName</code></> : spec.fields.map((f) => `${f.key}${f.required ? " (required)" : ""}`).join(", ") || "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="errors" title="Errors">
        <p className="text-sm text-stone-700">Every error has the same shape; <code>path</code> names the field at fault.</p>
        <Code copy={false}>{error}</Code>
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li><strong>401</strong> missing, unknown or revoked key.</li>
          <li><strong>413</strong> more than 1,000 events or too large a body: split the batch.</li>
          <li><strong>422</strong> the event is invalid (see <code>code</code>, <code>message</code> and <code>path</code>).</li>
          <li><strong>429</strong> over the key’s rate limit: wait the seconds in the <code>Retry-After</code> header, then retry with the same idempotency keys.</li>
        </ul>
      </Section>
    </div>
  );
}
