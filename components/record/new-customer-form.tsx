"use client";

import { useAction } from "next-safe-action/hooks";
import { createCustomerAction } from "@/app/(app)/record/actions";
import type { CustomerSearchHit } from "@/lib/customers/search";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";
import { connectionErrorMessage } from "@/components/ui/connection-error";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** Guesses which field the unmatched search text belongs in, so staff don't retype it. */
function prefill(text: string): { name: string; email: string; phone: string } {
  const value = text.trim();
  if (value.includes("@")) return { name: "", email: value, phone: "" };
  if (/^[+\d][\d\s().-]{4,}$/.test(value)) return { name: "", email: "", phone: value };
  return { name: value, email: "", phone: "" };
}

export function NewCustomerForm({ initial, onCreated, onCancel }: { initial: string; onCreated: (customer: CustomerSearchHit) => void; onCancel: () => void }) {
  const { execute, result, isPending, status } = useAction(createCustomerAction, { onSuccess: ({ data }) => { if (data) onCreated(data); } });
  const errors = fieldErrors(result.validationErrors);
  const server = result.serverError;
  const errorFor = (field: string) => errors[field] ?? (server?.path === field ? server.message : undefined);
  const start = prefill(initial);
  return (
    <form
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
      aria-label="New customer"
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onCancel(); } }}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        execute({ name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), phone: String(form.get("phone") ?? "") });
      }}
    >
      <div>
        <h2 className="text-base font-semibold">New customer</h2>
        <p className="text-sm text-stone-600">A name, email or phone is enough. A pass serial is created for them.</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Name" error={errorFor("name")}><Input className="sm:text-base!" name="name" defaultValue={start.name} autoComplete="off" autoFocus /></Field>
        <Field label="Email" error={errorFor("email")}><Input className="sm:text-base!" name="email" type="email" inputMode="email" defaultValue={start.email} autoComplete="off" /></Field>
        <Field label="Phone" error={errorFor("phone")}><Input className="sm:text-base!" name="phone" type="tel" inputMode="tel" defaultValue={start.phone} autoComplete="off" /></Field>
      </div>
      {server && !["name", "email", "phone"].includes(server.path ?? "") && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(server)}</p>}
      {connectionErrorMessage(status, result) && <p role="alert" className="text-sm text-red-700">{connectionErrorMessage(status, result, "Not added")}</p>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="lg" disabled={isPending}>{isPending ? "Adding…" : "Add customer"}</Button>
        <Button variant="secondary" size="lg" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
