import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { listRewards } from "@/lib/rewards/catalogue";
import { Card } from "@/components/ui/card";
import { AddRewardForm, RewardControls } from "@/components/settings/reward-forms";

export const metadata: Metadata = { title: "Rewards" };

export default async function RewardsPage() {
  const context = await requirePageContext("owner");
  const rewards = await listRewards(context);
  return (
    <div className="space-y-4">
      <Card title="Rewards catalogue">
        <p className="mb-3 text-sm text-stone-600">
          At the counter staff pick a reward from this list (“Free Coffee — 100 pts”) instead of typing it; its points are taken from the customer’s balance. Managers and owners can still type a one-off reward. Inactive rewards are not offered.
        </p>
        {rewards.length === 0 && <p className="text-sm text-stone-600">No rewards yet: until you add one, staff type the reward and its points cost.</p>}
        <ul className="divide-y divide-stone-100">
          {rewards.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="reward-row">
              <div className="min-w-0">
                <p className="font-medium">
                  {r.name} <span className="text-stone-600">— {formatCount(r.pointsCost)} pts</span>
                  {!r.active && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">Inactive</span>}
                </p>
              </div>
              <RewardControls reward={r} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Add a reward">
        <AddRewardForm />
      </Card>
    </div>
  );
}
