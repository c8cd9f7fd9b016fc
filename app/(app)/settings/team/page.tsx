import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { listMembers } from "@/lib/team/members";
import { formatLocal } from "@/lib/time";
import { Card } from "@/components/ui/card";
import { AddMemberForm, MemberControls } from "@/components/settings/team-forms";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const context = await requirePageContext("owner");
  const members = await listMembers(context);
  // The title counts who can sign in; disabled members stay listed (and can be enabled) below.
  const active = members.filter((m) => !m.disabledAt).length;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <Card title={`Team (${active})`}>
        <ul className="divide-y divide-stone-100">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`member-${m.email}`}>
              <div className="min-w-0 max-w-full">
                <p className="font-medium">
                  {m.name} {m.id === context.user.id && <span className="text-xs text-stone-500">(you)</span>}
                  {m.disabledAt && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">Disabled</span>}
                </p>
                <p className="break-all text-sm text-stone-500">{m.email} · added {formatLocal(m.createdAt, context.merchant.timeZone, "MMM d, yyyy")}</p>
              </div>
              <MemberControls member={{ id: m.id, name: m.name, role: m.role, disabled: Boolean(m.disabledAt) }} isSelf={m.id === context.user.id} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Add a team member">
        <AddMemberForm />
      </Card>
    </div>
  );
}
