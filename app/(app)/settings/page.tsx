import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Settings" };

export default async function BusinessSettingsPage() {
  const { merchant } = await requirePageContext("owner");
  return (
    <Card title="Business">
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div><dt className="text-stone-500">Name</dt><dd className="font-medium">{merchant.name}</dd></div>
        <div><dt className="text-stone-500">Time zone</dt><dd className="font-medium">{merchant.timeZone}</dd></div>
        <div><dt className="text-stone-500">Currency</dt><dd className="font-medium">{merchant.currency}</dd></div>
      </dl>
      <p className="mt-4 text-sm text-stone-600">Days, months and “last 30 days” everywhere in Punchcard are counted in this time zone.</p>
    </Card>
  );
}
