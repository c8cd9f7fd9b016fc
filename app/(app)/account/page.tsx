import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const context = await requirePageContext("staff");
  return (
    <>
      <PageHeader title="Your account" description={`${context.user.name} · ${context.user.email} · ${ROLE_LABELS[context.user.role]}`} />
      <div className="max-w-md">
        <Card title="Change password">
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
