"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { addMemberAction, changeRoleAction, setDisabledAction } from "@/app/(app)/settings/team/actions";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { ConfirmPanel } from "@/components/ui/confirm";
import { PasswordField } from "@/components/ui/password-field";
import { Field, Input, Select } from "@/components/ui/field";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";

export function AddMemberForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const { execute, result, isPending } = useAction(addMemberAction, {
    onSuccess: () => {
      setDone("Team member added. Share their password with them privately.");
      formRef.current?.reset();
    },
  });
  const errors = fieldErrors(result.validationErrors);
  const serverError = result.serverError;
  return (
    <form
      ref={formRef}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const form = new FormData(event.currentTarget);
        execute({
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
          role: String(form.get("role") ?? "staff") as Role,
          password: String(form.get("password") ?? ""),
        });
      }}
    >
      <Field label="Name" error={errors.name}><Input name="name" required /></Field>
      <Field label="Email" error={errors.email ?? (serverError?.path === "email" ? serverError.message : undefined)}><Input name="email" type="email" required /></Field>
      <Field label="Role" hint="Staff record events and look up customers; managers also import, build segments and read reports; owners also manage settings, team and API keys.">
        <Select name="role" defaultValue="staff">
          {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
        </Select>
      </Field>
      <PasswordField label="Initial password" name="password" error={errors.password} />
      {serverError && serverError.path !== "email" && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(serverError)}</p>}
      {done && <p role="status" className="text-sm text-green-700">{done}</p>}
      <Button type="submit" disabled={isPending}>{isPending ? "Adding…" : "Add member"}</Button>
    </form>
  );
}

const ROLE_CONSEQUENCE: Record<Role, string> = {
  staff: "they will only record events and look up customers",
  manager: "they will also import, build segments, read reports and delete customers",
  owner: "they will also manage settings, the team and API keys",
};

/** Role and access of one member; changing the role and disabling ask first (ConfirmPanel). */
export function MemberControls({ member, isSelf }: { member: { id: string; name: string; role: Role; disabled: boolean }; isSelf: boolean }) {
  const [confirming, setConfirming] = useState<{ kind: "role"; role: Role } | { kind: "disable" } | null>(null);
  const done = { onSuccess: () => setConfirming(null) };
  const role = useAction(changeRoleAction, done);
  const access = useAction(setDisabledAction, done);
  const error = role.result.serverError ?? access.result.serverError;
  if (isSelf) return <span className="text-sm text-stone-600">{ROLE_LABELS[member.role]}</span>;
  if (confirming?.kind === "role") {
    const next = confirming.role;
    return (
      <ConfirmPanel
        label={`Change ${member.name}’s role`}
        confirmLabel={`Make ${ROLE_LABELS[next].toLowerCase()}`}
        pendingLabel="Changing…"
        isPending={role.isPending}
        error={error ? actionErrorMessage(error) : undefined}
        onConfirm={() => role.execute({ userId: member.id, role: next })}
        onCancel={() => setConfirming(null)}
      >
        Make {member.name} {ROLE_LABELS[next].toLowerCase()}? {ROLE_CONSEQUENCE[next].replace(/^./, (c) => c.toUpperCase())}.
      </ConfirmPanel>
    );
  }
  if (confirming?.kind === "disable") {
    return (
      <ConfirmPanel
        label={`Disable ${member.name}`}
        confirmLabel="Disable member"
        pendingLabel="Disabling…"
        isPending={access.isPending}
        error={error ? actionErrorMessage(error) : undefined}
        onConfirm={() => access.execute({ userId: member.id, disabled: true })}
        onCancel={() => setConfirming(null)}
      >
        {member.name} is signed out at once and can’t sign in until enabled again.
      </ConfirmPanel>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${member.id}`}>Role for {member.name}</label>
      <Select
        id={`role-${member.id}`}
        className="w-32"
        value={member.role}
        disabled={role.isPending || member.disabled}
        onChange={(event) => setConfirming({ kind: "role", role: event.target.value as Role })}
      >
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </Select>
      <Button
        variant={member.disabled ? "secondary" : "danger"}
        disabled={access.isPending}
        onClick={() => (member.disabled ? access.execute({ userId: member.id, disabled: false }) : setConfirming({ kind: "disable" }))}
      >
        {member.disabled ? "Enable" : "Disable"}
      </Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{actionErrorMessage(error)}</p>}
    </div>
  );
}
