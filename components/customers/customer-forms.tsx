"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { deleteCustomerAction, updateContactAction } from "@/app/(app)/customers/[id]/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { actionErrorMessage, formErrors } from "@/components/ui/action-errors";
import { DialogButton } from "./dialog-button";

interface Contact { id: string; name: string | null; email: string | null; phone: string | null; externalId: string | null; passSerial: string }

export function EditContactButton({ customer }: { customer: Contact }) {
  const [saved, setSaved] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <DialogButton label="Edit details" title="Edit contact details" icon={<Pencil aria-hidden className="size-4" />}>
        {(close) => <EditContactForm customer={customer} onEditing={() => setSaved(false)} onDone={() => { setSaved(true); close(); }} onCancel={close} />}
      </DialogButton>
      {saved && <span role="status" className="text-sm text-green-700">Saved</span>}
    </span>
  );
}

function EditContactForm({ customer, onEditing, onDone, onCancel }: { customer: Contact; onEditing: () => void; onDone: () => void; onCancel: () => void }) {
  const { execute, result, isPending } = useAction(updateContactAction, { onExecute: onEditing, onSuccess: onDone });
  const errors = formErrors(result, ["name", "email", "phone", "externalId"]);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (key: string) => String(form.get(key) ?? "");
        execute({ customerId: customer.id, name: text("name"), email: text("email"), phone: text("phone"), externalId: text("externalId") });
      }}
    >
      <Field label="Name" error={errors.field("name")}><Input name="name" defaultValue={customer.name ?? ""} autoComplete="off" /></Field>
      <Field label="Email" error={errors.field("email")}><Input name="email" type="email" defaultValue={customer.email ?? ""} autoComplete="off" /></Field>
      <Field label="Phone" error={errors.field("phone")}><Input name="phone" type="tel" defaultValue={customer.phone ?? ""} autoComplete="off" /></Field>
      <Field label="External ID" hint="The customer's id in your till or POS." error={errors.field("externalId")}>
        <Input name="externalId" defaultValue={customer.externalId ?? ""} autoComplete="off" />
      </Field>
      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
        <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save"}</Button>
      </div>
    </form>
  );
}

export function DeleteCustomerButton({ customer }: { customer: Contact }) {
  return (
    <DialogButton label="Delete" title="Delete this customer" variant="danger" icon={<Trash2 aria-hidden className="size-4" />}>
      {(close) => <DeleteCustomerForm customer={customer} onCancel={close} />}
    </DialogButton>
  );
}

function DeleteCustomerForm({ customer, onCancel }: { customer: Contact; onCancel: () => void }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const { execute, result, isPending } = useAction(deleteCustomerAction, {
    onSuccess: () => router.replace("/customers?deleted=1"),
  });
  const expected = customer.name?.trim() || customer.passSerial;
  const server = result.serverError;
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ customerId: customer.id, confirmation: typed });
      }}
    >
      <p className="text-sm text-stone-700">
        This permanently deletes the customer, their pass details and every event they have — it cannot be undone.
        Your monthly totals stay as they are. Future events with the same pass, email, phone or external ID will be refused
        until an owner lifts the block in Settings → Privacy.
      </p>
      <Field label={`Type “${expected}” to confirm`} error={server?.path === "confirmation" ? server.message : undefined}>
        <Input name="confirmation" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </Field>
      {server && server.path !== "confirmation" && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(server)}</p>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={isPending || typed.trim() === ""}>{isPending ? "Deleting…" : "Delete customer"}</Button>
      </div>
    </form>
  );
}
