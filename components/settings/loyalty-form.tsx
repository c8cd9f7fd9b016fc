"use client";

import { Plus, Trash2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { saveLoyaltyAction } from "@/app/(app)/settings/loyalty/actions";
import { pointsForPurchase, type Tier } from "@/lib/loyalty/rules";
import { formatCount, formatMoney } from "@/lib/format";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { connectionErrorMessage } from "@/components/ui/connection-error";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const EXAMPLE_AMOUNT = "12.50";

function examplePoints(rate: string): string | null {
  if (!/^\d{1,6}(\.\d{1,4})?$/.test(rate.trim())) return null;
  return formatCount(pointsForPurchase(EXAMPLE_AMOUNT, rate.trim()));
}

/** Zod issue paths like ["tiers", 1, "minSpend"] → "tiers.1.minSpend", to place messages by row. */
function issuesByPath(validationErrors: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "_errors" && Array.isArray(value) && typeof value[0] === "string") out.set(path, value[0]);
      else walk(value, path ? `${path}.${key}` : key);
    }
  };
  walk(validationErrors, "");
  return out;
}

export function LoyaltyForm({ initial, currency }: { initial: { pointsPerCurrency: string; tiers: Tier[] }; currency: string }) {
  const [rate, setRate] = useState(initial.pointsPerCurrency);
  const [tiers, setTiers] = useState<Tier[]>(initial.tiers);
  const [saved, setSaved] = useState<string | null>(null);
  const { execute, result, isPending, status } = useAction(saveLoyaltyAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setTiers(data.settings.tiers);
      const n = data.tiersChanged;
      setSaved(`Saved. ${n === 0 ? "No customer changed tier." : `${formatCount(n)} customer${n === 1 ? "" : "s"} changed tier.`}`);
    },
  });
  const errors = issuesByPath(result.validationErrors);
  const update = (index: number, patch: Partial<Tier>) => {
    setSaved(null);
    setTiers((list) => list.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  };
  const example = examplePoints(rate);

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        // Forgive thousands separators ("1,500"): money in the schema is digits and a decimal point.
        execute({ pointsPerCurrency: rate.trim(), tiers: tiers.map((t) => ({ name: t.name, minSpend: t.minSpend.replace(/[,\s]/g, "") })) });
      }}
    >
      <div className="max-w-xs">
        <Field
          label={`Points per 1 ${currency} spent`}
          error={errors.get("pointsPerCurrency")}
          hint={example !== null ? `A ${formatMoney(EXAMPLE_AMOUNT, currency)} purchase earns ${example} points (rounded down per purchase).` : undefined}
        >
          <Input value={rate} inputMode="decimal" onChange={(e) => { setSaved(null); setRate(e.target.value); }} required />
        </Field>
      </div>

      <fieldset className="max-w-2xl space-y-2">
        <legend className="text-sm font-medium text-stone-800">Tiers by lifetime spend</legend>
        {tiers.length === 0 && <p className="text-sm text-stone-600">No tiers: every customer is untiered.</p>}
        <ul className="space-y-2">
          {tiers.map((tier, i) => (
            <li key={i} className="grid grid-cols-[1fr_9rem_auto] items-start gap-2" data-testid="tier-row">
              <Field label={`Tier ${i + 1} name`} error={errors.get(`tiers.${i}.name`)}>
                <Input value={tier.name} onChange={(e) => update(i, { name: e.target.value })} required maxLength={40} />
              </Field>
              <Field label={`From (${currency})`} error={errors.get(`tiers.${i}.minSpend`)}>
                <Input value={tier.minSpend} inputMode="decimal" onChange={(e) => update(i, { minSpend: e.target.value })} required />
              </Field>
              <Button variant="ghost" className="mt-6" aria-label={`Remove tier ${tier.name || i + 1}`} onClick={() => { setSaved(null); setTiers((list) => list.filter((_, j) => j !== i)); }}>
                <Trash2 aria-hidden className="size-5" />
              </Button>
            </li>
          ))}
        </ul>
        {errors.get("tiers") && <p role="alert" className="text-sm text-red-700">{errors.get("tiers")}</p>}
        {tiers.length < 10 && (
          <Button variant="secondary" onClick={() => { setSaved(null); setTiers((list) => [...list, { name: "", minSpend: "" }]); }}>
            <Plus aria-hidden className="size-4" /> Add tier
          </Button>
        )}
      </fieldset>

      <div className="rounded-lg bg-stone-50 p-3 text-sm text-stone-700">
        <p><strong>Points</strong> apply to purchases recorded from now on; balances already earned stay as they are.</p>
        <p className="mt-1"><strong>Tiers</strong> apply at once: when you save, every customer’s tier is recomputed from their lifetime spend.</p>
      </div>

      {result.serverError && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(result.serverError)}</p>}
      {connectionErrorMessage(status, result) && <p role="alert" className="text-sm text-red-700">{connectionErrorMessage(status, result, "Not saved")}</p>}
      {saved && <p role="status" className="text-sm text-green-700">{saved}</p>}
      <Button type="submit" disabled={isPending}>{isPending ? "Saving…" : "Save loyalty settings"}</Button>
    </form>
  );
}
