import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { getLoyaltySettings } from "@/lib/loyalty/settings";
import { Card } from "@/components/ui/card";
import { LoyaltyForm } from "@/components/settings/loyalty-form";

export const metadata: Metadata = { title: "Loyalty" };

export default async function LoyaltySettingsPage() {
  const context = await requirePageContext("owner");
  const settings = await getLoyaltySettings(context);
  return (
    <Card title="Points and tiers">
      <LoyaltyForm initial={settings} currency={context.merchant.currency} />
    </Card>
  );
}
