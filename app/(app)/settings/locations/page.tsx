import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { listManagedLocations } from "@/lib/locations/manage";
import { formatCount } from "@/lib/format";
import { formatLocal } from "@/lib/time";
import { Card } from "@/components/ui/card";
import { AddLocationForm, LocationControls } from "@/components/settings/location-forms";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage() {
  const context = await requirePageContext("owner");
  const locations = await listManagedLocations(context);
  return (
    <div className="space-y-4">
      <Card title="Locations">
        <p className="mb-3 text-sm text-stone-600">
          Staff pick the location when they record a visit or purchase. Archived locations stay on past events and in reports, but are no longer offered for new ones.
        </p>
        {locations.length === 0 && <p className="text-sm text-stone-600">No locations yet. Add your first shop below.</p>}
        <ul className="divide-y divide-stone-100">
          {locations.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="location-row">
              <div className="min-w-0">
                <p className="font-medium">
                  {l.name}
                  {l.archivedAt && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">Archived {formatLocal(l.archivedAt, context.merchant.timeZone, "MMM d, yyyy")}</span>}
                </p>
                <p className="text-sm text-stone-500">{formatCount(l.events)} {l.events === 1 ? "event" : "events"}</p>
              </div>
              <LocationControls location={{ id: l.id, name: l.name, archived: Boolean(l.archivedAt) }} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Add a location">
        <AddLocationForm />
      </Card>
    </div>
  );
}
