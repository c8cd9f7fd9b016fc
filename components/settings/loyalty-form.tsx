"use client";

import { Plus, Trash2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { previewLoyaltyAction, saveLoyaltyAction } from "@/app/(app)/settings/loyalty/actions";
import { pointsForPurchase, type Tier } from "@/lib/loyalty/rules";
import { formatCount, formatMoney } from "@/lib/format";
import { countOf, NOUNS, pluralWord } from "@/lib/plural";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { connectionErrorMessage } from "@/components/ui/connection-error";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ConfirmPrompt } from "@/components/record/confirm-prompt";

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

const customers = (n: number) => countOf(n, NOUNS.customer);

export function LoyaltyForm({ initial, currency }: { initial: { pointsPerCurrency: string; tiers: Tier[]; maxPurchaseAmount: string | null }; currency: string }) {
  const [rate, setRate] = useState(initial.pointsPerCurrency);
  const [tiers, setTiers] = useState<Tier[]>(initial.tiers);
  const [maxPurchase, setMaxPurchase] = useState(initial.maxPurchaseAmount ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  // Saving can move customers between tiers at once: the count is shown first, then confirmed.
  const [moving, setMoving] = useState<number | null>(null);
  const { execute, result, isPending, status } = useAction(saveLoyaltyAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setTiers(data.settings.tiers);
      const n = data.tiersChanged;
      setSaved(`Saved. ${n === 0 ? "No customer changed tier." : `${customers(n)} changed tier.`}`);
    },
  });
  const input = () => ({
    pointsPerCurrency: rate.trim(),
    // Forgive thousands separators ("1,500"): money in the schema is digits and a decimal point.
    tiers: tiers.map((t) => ({ name: t.name, minSpend: t.minSpend.replace(/[,\s]/g, "") })),
    maxPurchaseAmount: maxPurchase.replace(/[,\s]/g, ""),
  });
  const preview = useAction(previewLoyaltyAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      if (data.tiersChanged === 0) execute(input());
      else setMoving(data.tiersChanged);
    },
  });
  const errors = issuesByPath(preview.result.validationErrors ?? result.validationErrors);
  const serverError = preview.result.serverError ?? result.serverError;
  const update = (index: number, patch: Partial<Tier>) => {
    setSaved(null);
    setTiers((list) => list.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  };
  const example = examplePoints(rate);

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        preview.execute(input());
      }}
    >
      <div className="max-w-xs">
        <Field
          label={`Points per 1 ${currency} spent`}
          error={errors.get("pointsPerCurrency")}
          hint={example !== null ? `A ${formatMoney(EXAMPLE_AMOUNT, currency)} purchase earns ${example} ${pluralWord(Number(example.replace(/,/g, "")), NOUNS.point)} (rounded down per purchase).` : undefined}
        >
          <Input value={rate} inputMode="decimal" onChange={(e) => { setSaved(null); setRate(e.target.value); }} required />
        </Field>
      </div>

      <div className="max-w-xs">
        <Field
          label={`Largest usual purchase (${currency}) — optional`}
          error={errors.get("maxPurchaseAmount")}
          hint="Staff confirm a purchase above this before it is recorded. Without it, they confirm amounts over 20× this shop’s usual purchases."
        >
          <Input value={maxPurchase} inputMode="decimal" onChange={(e) => { setSaved(null); setMaxPurchase(e.target.value); }} placeholder="e.g. 500" />
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

      {serverError && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(serverError)}</p>}
      {connectionErrorMessage(status, result) && <p role="alert" className="text-sm text-red-700">{connectionErrorMessage(status, result, "Not saved")}</p>}
      {saved && <p role="status" className="text-sm text-green-700">{saved}</p>}
      <Button type="submit" disabled={isPending || preview.isPending}>{isPending ? "Saving…" : preview.isPending ? "Checking…" : "Save loyalty settings"}</Button>
      {moving !== null && (
        <ConfirmPrompt
          title="Move customers to another tier?"
          confirmLabel="Save and move them"
          cancelLabel="Don’t save"
          onCancel={() => setMoving(null)}
          onConfirm={() => { setMoving(null); execute(input()); }}
        >
          <p>This will move {customers(moving)} to another tier, at once.</p>
        </ConfirmPrompt>
      )}
    </form>
  );
}
