"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, useState } from "react";
import { changeOwnPasswordAction } from "@/app/(app)/account/actions";
import { actionErrorMessage, fieldErrors } from "@/components/ui/action-errors";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  const { execute, result, isPending } = useAction(changeOwnPasswordAction, {
    onExecute: () => setDone(false),
    onSuccess: () => { setDone(true); formRef.current?.reset(); },
  });
  const errors = fieldErrors(result.validationErrors);
  const server = result.serverError;
  const serverField = (field: string) => (server?.path === field ? server.message : undefined);
  return (
    <form
      ref={formRef}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({ current: String(form.get("current") ?? ""), next: String(form.get("next") ?? "") });
      }}
    >
      <PasswordField label="Current password" name="current" autoComplete="current-password" rules={false} error={errors.current ?? serverField("current")} />
      <PasswordField label="New password" name="next" error={errors.next ?? serverField("next")} />
      {server && !server.path && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(server)}</p>}
      {done && <p role="status" className="text-sm text-green-700">Password changed. Use it the next time you sign in.</p>}
      <Button type="submit" disabled={isPending}>{isPending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
