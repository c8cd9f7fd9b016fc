"use client";

import { useState } from "react";
import { formatPhone } from "@/lib/customers/identifiers";
import type { CustomerSearchHit } from "@/lib/customers/search";
import { CustomerCard, type SelectedCustomer } from "./customer-card";
import { CustomerSearch } from "./customer-search";
import { EventForm, type Recorded } from "./event-form";
import { RecordedBanner } from "./recorded-banner";

function toSelected(hit: CustomerSearchHit): SelectedCustomer {
  return {
    id: hit.id,
    label: hit.name ?? hit.email ?? (hit.phone && formatPhone(hit.phone)) ?? hit.passSerial,
    contact: [hit.email, hit.phone && formatPhone(hit.phone)].filter(Boolean).join(" · "),
    passSerial: hit.passSerial,
    pass: { pointsBalance: hit.pointsBalance, visitCount: hit.visitCount, tier: hit.tier, lifetimeSpend: hit.lifetimeSpend },
  };
}

interface Props {
  initialCustomer: CustomerSearchHit | null;
  locations: { id: string; name: string }[];
  lastLocationId: string | null;
  currency: string;
  timeZone: string;
  rewards: { id: string; name: string; pointsCost: number }[];
  canTypeReward: boolean;
}

/** The counter flow: find (or scan, or add) a customer → pick what happened → confirm, with Undo. */
export function RecordScreen({ initialCustomer, locations, lastLocationId, currency, timeZone, rewards, canTypeReward }: Props) {
  const [customer, setCustomer] = useState<SelectedCustomer | null>(initialCustomer ? toSelected(initialCustomer) : null);
  const [recorded, setRecorded] = useState<{ result: Recorded; customerLabel: string; previousTier: string | null } | null>(null);
  // The location used last on this device carries over between customers.
  const [locationId, setLocationId] = useState(lastLocationId ?? (locations.length === 1 ? (locations[0]?.id ?? null) : null));
  // A fresh form (empty fields, type back to Visit) after each recording.
  const [formKey, setFormKey] = useState(0);

  const next = () => {
    // Drop ?customer= so a reload doesn't bring the previous customer back.
    if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
    setCustomer(null);
    setRecorded(null);
  };

  if (!customer) {
    return (
      <div className="space-y-4">
        {recorded && (
          <p role="status" className="text-sm text-stone-600">Last: {recorded.customerLabel}.</p>
        )}
        <CustomerSearch onSelect={(hit) => { setRecorded(null); setCustomer(toSelected(hit)); }} />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <CustomerCard customer={customer} currency={currency} />
      {recorded && (
        <RecordedBanner
          key={recorded.result.event.id}
          recorded={recorded.result}
          customerLabel={recorded.customerLabel}
          previousTier={recorded.previousTier}
          currency={currency}
          timeZone={timeZone}
          onUndone={(pass) => setCustomer((c) => (c ? { ...c, pass } : c))}
          onNext={next}
        />
      )}
      <EventForm
        key={formKey}
        customer={{ id: customer.id, label: customer.label }}
        locations={locations}
        defaultLocationId={locationId}
        currency={currency}
        timeZone={timeZone}
        onRecorded={(result) => {
          setFormKey((k) => k + 1);
          if (result.event.location) setLocationId(locations.find((l) => l.name === result.event.location)?.id ?? locationId);
          setCustomer((c) => (c ? { ...c, pass: result.pass } : c));
          setRecorded({ result, customerLabel: customer.label, previousTier: customer.pass.tier });
        }}
        onCancel={next}
        focusOnMount={recorded === null}
        rewards={rewards}
        canTypeReward={canTypeReward}
      />
    </div>
  );
}
