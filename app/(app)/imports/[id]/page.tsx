import type { Metadata } from "next";
import Link from "next/link";
import { ImportProgress } from "@/components/imports/import-progress";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageContext } from "@/lib/auth/session";
import { getImport } from "@/lib/imports/store";
import { formatLocal } from "@/lib/time";

export const metadata: Metadata = { title: "Import" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const context = await requirePageContext("manager");
  const { id } = await params;
  const view = await getImport(context, id);
  return (
    <div className="space-y-5">
      <PageHeader
        title={view.fileName}
        description={`Uploaded ${formatLocal(new Date(view.createdAt), context.merchant.timeZone, "MMM d, yyyy h:mm a")}${view.createdByName ? ` by ${view.createdByName}` : ""}${view.dryRun ? " · dry run (nothing written)" : ""}`}
        actions={<Link className="text-sm underline" href="/imports">All imports</Link>}
      />
      <Card>
        <ImportProgress key={view.status} initial={view} />
      </Card>
      {view.status !== "undone" && view.kind === "customers" && !view.dryRun && view.counts.customersCreated + view.counts.customersUpdated > 0 && (
        <p className="text-sm text-stone-600">
          Customers from this contact list are in <Link className="underline" href="/customers">the customer list</Link>; an opening balance shows in the pass history as “Opening balance”.
        </p>
      )}
      {view.status !== "undone" && view.kind === "events" && view.counts.events > 0 && (
        <p className="text-sm text-stone-600">
          The imported events appear in each customer’s history with source “import”; <Link className="underline" href="/customers">see the customers</Link>.
        </p>
      )}
    </div>
  );
}
