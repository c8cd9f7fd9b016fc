"use client";

import { clsx } from "clsx";
import { Footprints, Gift, LogIn, LogOut, ShoppingBag, Sparkles, type LucideIcon } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useRef, useState } from "react";
import { recordEventAction } from "@/app/(app)/record/actions";
import { EVENT_REGISTRY, EVENT_TYPES, type EventType } from "@/lib/events/registry";
import type { ManualEventInput, ManualEventResult } from "@/lib/events/manual";
import type { RecentDuplicate } from "@/lib/events/duplicates";
import type { UnusualEntry } from "@/lib/record/unusual";
import { toLocalInput } from "@/lib/local-datetime";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { connectionErrorMessage } from "@/components/ui/connection-error";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ConfirmPrompt } from "./confirm-prompt";
import { DuplicatePrompt } from "./duplicate-prompt";

const ICONS: Record<string, LucideIcon> = { ShoppingBag, Footprints, LogIn, LogOut, Gift, Sparkles };
const COMMON = EVENT_TYPES.filter((t) => EVENT_REGISTRY[t].common);
const MORE = EVENT_TYPES.filter((t) => !EVENT_REGISTRY[t].common);

export type Recorded = Extract<ManualEventResult, { status: "created" }>;

interface Props {
  customer: { id: string; label: string };
  locations: { id: string; name: string }[];
  defaultLocationId: string | null;
  currency: string;
  timeZone: string;
  onRecorded: (result: Recorded) => void;
  onCancel: () => void;
  /** Put the keyboard on "Record …" when the form appears. */
  focusOnMount: boolean;
  /** The active rewards catalogue (Settings → Rewards). */
  rewards: { id: string; name: string; pointsCost: number }[];
  /** Managers and owners may type a reward that is not in the catalogue. */
  canTypeReward: boolean;
}

const OTHER_REWARD = "other";

export function EventForm({ customer, locations, defaultLocationId, currency, timeZone, onRecorded, onCancel, focusOnMount, rewards, canTypeReward }: Props) {
  const [type, setType] = useState<EventType>("visit");
  const [rewardId, setRewardId] = useState(rewards[0]?.id ?? OTHER_REWARD);
  // null = now; otherwise the picker's starting value, "now" in the merchant's zone (not the browser's).
  const [backdate, setBackdate] = useState<string | null>(null);
  const [locationId, setLocationId] = useState(defaultLocationId ?? "");
  const [fieldError, setFieldError] = useState<{ path: string; message: string } | null>(null);
  const [duplicate, setDuplicate] = useState<RecentDuplicate | null>(null);
  const [unusual, setUnusual] = useState<UnusualEntry[] | null>(null);
  const lastInput = useRef<ManualEventInput | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const focusAfterType = useRef(false);
  const spec = EVENT_REGISTRY[type];

  const { execute, result, isPending, status } = useAction(recordEventAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      if (data.status === "created") onRecorded(data);
      else if (data.status === "possible_duplicate") setDuplicate(data.duplicate);
      else if (data.status === "needs_confirmation") setUnusual(data.reasons);
      else setFieldError({ path: data.error.path ?? "", message: data.error.message });
    },
    onError: ({ error }) => {
      if (error.serverError?.path) setFieldError({ path: error.serverError.path, message: error.serverError.message });
    },
  });

  // However the customer was picked (a result, a scan, a link, a new customer), the keyboard
  // lands on the primary button: Enter records, Escape goes back to the search.
  // (Not after a recording: then the banner's "Next customer" has it.)
  useEffect(() => { if (focusOnMount) submitRef.current?.focus(); }, [focusOnMount]);

  // After picking a type, go straight to its first field (or the submit button when it has none).
  useEffect(() => {
    if (!focusAfterType.current) return;
    focusAfterType.current = false;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>("[data-type-fields] input") ?? form?.querySelector<HTMLElement>("button[type=submit]");
    target?.focus();
  }, [type]);

  const choose = (next: EventType) => {
    focusAfterType.current = true;
    setFieldError(null);
    setType(next);
  };

  const errorAt = (path: string) => (fieldError?.path === path ? fieldError.message : undefined);
  const knownPaths = ["amount", "customName", "occurredAt", "location", ...spec.fields.map((f) => `data.${f.key}`)];
  // A redemption picks its reward from the catalogue; its fields are typed only for "Other".
  const fromCatalogue = type === "redemption" && rewards.length > 0 && rewardId !== OTHER_REWARD;
  const typedFields = fromCatalogue ? [] : spec.fields;
  // A retry after a lost reply is safe: the record-again check catches a repeat that did land.
  const generalError =
    fieldError && !knownPaths.includes(fieldError.path) ? fieldError.message
      : result.serverError && !result.serverError.path ? actionErrorMessage(result.serverError)
        : connectionErrorMessage(status, result, "Not recorded");

  const send = (input: ManualEventInput) => {
    lastInput.current = input;
    setFieldError(null);
    execute(input);
  };

  return (
    <form
      ref={formRef}
      aria-label={`Record an event for ${customer.label}`}
      className="space-y-4"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !duplicate && !unusual) {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const data: Record<string, string> = {};
        for (const f of spec.fields) data[f.key] = String(form.get(`data.${f.key}`) ?? "");
        send({
          customerId: customer.id,
          type,
          customName: String(form.get("customName") ?? ""),
          amount: String(form.get("amount") ?? ""),
          data,
          occurredAtLocal: backdate !== null ? String(form.get("occurredAtLocal") ?? "") : "",
          locationId: spec.inStore ? locationId : "",
          rewardId: fromCatalogue ? rewardId : "",
        });
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-stone-800">What happened?</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {COMMON.map((t) => {
            const Icon = ICONS[EVENT_REGISTRY[t].icon] ?? Sparkles;
            return (
              <button
                key={t}
                type="button"
                aria-pressed={type === t}
                onClick={() => choose(t)}
                className={clsx(
                  "flex min-h-16 items-center justify-center gap-2 rounded-xl border-2 px-3 text-base font-semibold transition-colors",
                  type === t ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-200 bg-white text-stone-800 hover:border-stone-400",
                )}
              >
                <Icon aria-hidden className="size-6" /> {EVENT_REGISTRY[t].label}
              </button>
            );
          })}
          <label className="relative flex min-h-16">
            <span className="sr-only">More event types</span>
            <select
              value={MORE.includes(type) ? type : ""}
              onChange={(e) => { if (e.target.value) choose(e.target.value as EventType); }}
              className={clsx(
                "w-full rounded-xl border-2 bg-white px-3 text-base font-semibold",
                MORE.includes(type) ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-200 text-stone-800",
              )}
            >
              <option value="">More…</option>
              {MORE.map((t) => <option key={t} value={t}>{EVENT_REGISTRY[t].label}</option>)}
            </select>
          </label>
        </div>
      </fieldset>

      <div key={type} data-type-fields className="grid gap-3 sm:grid-cols-2">
        {type === "custom" && (
          <Field label="Event name" error={errorAt("customName")} hint="e.g. Class booked, Referral">
            <Input className="sm:text-base!" name="customName" required maxLength={60} autoComplete="off" />
          </Field>
        )}
        {spec.amount !== "none" && (
          <Field label={`Amount (${currency})${spec.amount === "optional" ? " — optional" : ""}`} error={errorAt("amount")}>
            <Input className="sm:text-base!" name="amount" inputMode="decimal" required={spec.amount === "required"} autoComplete="off" placeholder="0.00" pattern="[0-9]+([.,][0-9]{1,2})?" title="A number with at most 2 decimals, e.g. 12.50" />
          </Field>
        )}
        {type === "redemption" && rewards.length > 0 && (
          <Field label="Reward" error={fromCatalogue ? errorAt("data.reward") : undefined}>
            <Select className="sm:text-base!" value={rewardId} onChange={(e) => setRewardId(e.target.value)}>
              {rewards.map((r) => <option key={r.id} value={r.id}>{r.name} — {r.pointsCost.toLocaleString("en-US")} pts</option>)}
              {canTypeReward && <option value={OTHER_REWARD}>Other reward (type it)…</option>}
            </Select>
          </Field>
        )}
        {typedFields.map((f) => (
          <Field key={f.key} label={`${f.label}${f.required ? "" : " — optional"}`} error={errorAt(`data.${f.key}`)} hint={f.hint}>
            <Input className="sm:text-base!" name={`data.${f.key}`} required={f.required} inputMode={f.kind === "integer" ? "numeric" : undefined} pattern={f.kind === "integer" ? "[0-9]*" : undefined} autoComplete="off" />
          </Field>
        ))}
        {type === "check_out" && <p className="text-sm text-stone-600 sm:col-span-2">The time spent is worked out from the customer’s open check-in.</p>}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        {spec.inStore && locations.length > 0 && (
          <Field label="Location" error={errorAt("location")}>
            <Select className="sm:text-base!" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
              <option value="">No location</option>
              {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </Select>
          </Field>
        )}
        <div className="space-y-1">
          {backdate !== null ? (
            <Field label={`When (${timeZone.replace(/_/g, " ")} time)`} error={errorAt("occurredAt")}>
              <Input className="sm:text-base!" name="occurredAtLocal" type="datetime-local" defaultValue={backdate} required autoFocus />
            </Field>
          ) : (
            <>
              <span className="block text-sm font-medium text-stone-800">When</span>
              <p className="flex min-h-11 items-center gap-3 text-sm">
                Now
                <button type="button" className="rounded px-1 font-medium text-brand-700 underline" onClick={() => setBackdate(toLocalInput(new Date(), timeZone))}>Earlier…</button>
              </p>
            </>
          )}
        </div>
      </div>

      {generalError && <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">{generalError}</p>}

      {/* On phones and tablets the action bar stays in view while the form scrolls. */}
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap gap-2 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 lg:static lg:mx-0 lg:border-0 lg:bg-transparent lg:p-0" data-testid="record-actions">
        <Button ref={submitRef} type="submit" size="lg" className="min-w-48 flex-1 sm:flex-none" disabled={isPending}>
          {isPending ? "Recording…" : `Record ${type === "custom" ? "event" : spec.label.toLowerCase()}`}
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel}>Change customer</Button>
      </div>

      {unusual && (
        <ConfirmPrompt
          title="Is this right?"
          confirmLabel="Record anyway"
          cancelLabel="Go back and fix it"
          onCancel={() => { setUnusual(null); submitRef.current?.focus(); }}
          onConfirm={() => {
            setUnusual(null);
            submitRef.current?.focus();
            if (lastInput.current) send({ ...lastInput.current, confirmUnusual: true });
          }}
        >
          {unusual.map((reason) => <p key={reason.code}>{reason.message}</p>)}
        </ConfirmPrompt>
      )}

      {duplicate && (
        <DuplicatePrompt
          duplicate={duplicate}
          what={`${type === "custom" ? "event" : spec.label.toLowerCase()} for ${customer.label}`}
          onCancel={() => { setDuplicate(null); submitRef.current?.focus(); }}
          onConfirm={() => {
            setDuplicate(null);
            submitRef.current?.focus();
            if (lastInput.current) send({ ...lastInput.current, confirmDuplicate: true });
          }}
        />
      )}
    </form>
  );
}
