"use client";

import { Check, Copy } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";
import { connectionErrorMessage } from "@/components/ui/connection-error";
import { Button } from "@/components/ui/button";
import { ConfirmPanel } from "@/components/ui/confirm";
import { Field, Input } from "@/components/ui/field";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <Button
      variant="secondary"
      onClick={() => {
        navigator.clipboard?.writeText(text).then(
          () => { setCopied(true); setTimeout(() => setCopied(false), 2000); },
          () => setFailed(true),
        );
      }}
    >
      {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
      {copied ? "Copied" : failed ? "Select and copy" : label}
    </Button>
  );
}

export function CreateApiKeyForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { execute, result, isPending, status } = useAction(createApiKeyAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setCreated({ name: data.name, secret: data.secret });
      formRef.current?.reset();
    },
  });
  const errors = fieldErrors(result.validationErrors);
  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="new-api-key">
          <p className="text-sm font-semibold text-amber-900">Copy the key for “{created.name}” now. It won’t be shown again.</p>
          <code className="block break-all rounded bg-white p-2 font-mono text-sm" data-testid="api-key-secret">{created.secret}</code>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={created.secret} label="Copy key" />
            <Button variant="ghost" onClick={() => setCreated(null)}>I’ve stored it</Button>
          </div>
        </div>
      )}
      <form
        ref={formRef}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setCreated(null);
          execute({ name: String(form.get("name") ?? ""), rateLimitPerSecond: String(form.get("rateLimitPerSecond") ?? "100") });
        }}
      >
        <Field label="Key name" error={errors.name} hint="Where it’s used, e.g. “Front till” or “Shopify”.">
          <Input name="name" required maxLength={80} autoComplete="off" />
        </Field>
        <Field label="Rate limit (requests per second)" error={errors.rateLimitPerSecond}>
          <Input name="rateLimitPerSecond" type="number" min={1} max={10000} defaultValue={100} required />
        </Field>
        {result.serverError && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(result.serverError)}</p>}
        {connectionErrorMessage(status, result) && <p role="alert" className="text-sm text-red-700">{connectionErrorMessage(status, result, "No key created")}</p>}
        <Button type="submit" disabled={isPending}>{isPending ? "Creating…" : "Create key"}</Button>
      </form>
    </div>
  );
}

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const { execute, result, isPending, status } = useAction(revokeApiKeyAction, { onSuccess: () => setConfirming(false) });
  if (!confirming) return <Button variant="secondary" onClick={() => setConfirming(true)}>Revoke</Button>;
  return (
    <ConfirmPanel
      label={`Revoke ${name}`}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      isPending={isPending}
      error={result.serverError ? actionErrorMessage(result.serverError) : connectionErrorMessage(status, result, "Not revoked")}
      onConfirm={() => execute({ id })}
      onCancel={() => setConfirming(false)}
    >
      Systems using “{name}” stop working at once.
    </ConfirmPanel>
  );
}
