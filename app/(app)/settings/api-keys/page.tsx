import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/api-keys/manage";
import { formatLocal } from "@/lib/time";
import { Card } from "@/components/ui/card";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/settings/api-key-forms";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const context = await requirePageContext("owner");
  const keys = await listApiKeys(context);
  const when = (d: Date | null) => (d ? formatLocal(d, context.merchant.timeZone) : "Never");
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <Card title={`API keys (${keys.filter((k) => !k.revokedAt).length} active)`}>
        <p className="mb-3 text-sm text-stone-600">
          Your point-of-sale sends events with one of these keys. See <Link href="/settings/api" className="font-medium text-brand-700 underline">the API guide</Link>.
        </p>
        {keys.length === 0 ? (
          <p className="text-sm text-stone-500">No keys yet. Create one for each till or system, so you can revoke one without touching the others.</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`api-key-${k.name}`}>
                <div className="min-w-0">
                  <p className="font-medium">
                    {k.name}
                    {k.revokedAt ? (
                      <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">Revoked {formatLocal(k.revokedAt, context.merchant.timeZone, "MMM d, yyyy")}</span>
                    ) : (
                      <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">Active</span>
                    )}
                  </p>
                  <p className="font-mono text-sm text-stone-600">{k.prefix}…</p>
                  <p className="text-xs text-stone-500">Created {when(k.createdAt)} · last used {when(k.lastUsedAt)} · {k.rateLimitPerSecond} requests/s</p>
                </div>
                {!k.revokedAt && <RevokeApiKeyButton id={k.id} name={k.name} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Create a key">
        <CreateApiKeyForm />
      </Card>
    </div>
  );
}
