import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { getPassSerialFormat } from "@/lib/settings/business";
import { Card } from "@/components/ui/card";
import { SerialFormatForm } from "@/components/settings/serial-format-form";

export const metadata: Metadata = { title: "Settings" };

export default async function BusinessSettingsPage() {
  const context = await requirePageContext("owner");
  const { merchant } = context;
  const serialFormat = await getPassSerialFormat(context);
  return (
    <div className="space-y-4">
    <Card title="Business">
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div><dt className="text-stone-500">Name</dt><dd className="font-medium">{merchant.name}</dd></div>
        <div><dt className="text-stone-500">Time zone</dt><dd className="font-medium">{merchant.timeZone}</dd></div>
        <div><dt className="text-stone-500">Currency</dt><dd className="font-medium">{merchant.currency}</dd></div>
      </dl>
      <p className="mt-4 text-sm text-stone-600">Days, months and “last 30 days” everywhere in Punchcard are counted in this time zone.</p>
    </Card>
    <Card title="Pass serial numbers">
      <SerialFormatForm initial={serialFormat} />
    </Card>
    </div>
  );
}
