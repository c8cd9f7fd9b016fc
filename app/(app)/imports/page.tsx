import type { Metadata } from "next";
import Link from "next/link";
import { UploadWizard } from "@/components/imports/upload-wizard";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageContext } from "@/lib/auth/session";
import { listImports } from "@/lib/imports/store";
import { formatLocal } from "@/lib/time";

export const metadata: Metadata = { title: "Imports" };

export default async function Page() {
  const context = await requirePageContext("manager");
  const history = await listImports(context);
  const tz = context.merchant.timeZone;
  return (
    <div className="space-y-5">
      <PageHeader title="Imports" description="Bring in history from your till or another system: upload a spreadsheet, check the mapping, import." />
      <UploadWizard timeZone={tz} />
      <Card title="Past imports">
        {history.length === 0 ? (
          <p className="text-sm text-stone-600">No imports yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-stone-500">
                <tr>
                  <th className="px-2 py-1">When</th>
                  <th className="px-2 py-1">File</th>
                  <th className="px-2 py-1">Template</th>
                  <th className="px-2 py-1">Status</th>
                  <th className="px-2 py-1 text-right">Rows</th>
                  <th className="px-2 py-1 text-right">Events</th>
                  <th className="px-2 py-1 text-right">New customers</th>
                  <th className="px-2 py-1 text-right">Errors</th>
                  <th className="px-2 py-1 text-right">Duration</th>
                </tr>
              </thead>
              <tbody>
                {history.map((i) => (
                  <tr key={i.id} className="border-t border-stone-100">
                    <td className="whitespace-nowrap px-2 py-1">{formatLocal(new Date(i.createdAt), tz, "MMM d, yyyy h:mm a")}</td>
                    <td className="px-2 py-1">
                      <Link className="font-medium underline-offset-2 hover:underline" href={`/imports/${i.id}`}>{i.fileName}</Link>
                      <span className="ml-1 text-xs text-stone-500">{(i.fileSize / 1024).toFixed(0)} KB{i.createdByName ? ` · ${i.createdByName}` : ""}</span>
                    </td>
                    <td className="px-2 py-1 text-stone-600">{i.templateName ?? "—"}</td>
                    <td className="px-2 py-1">{[i.kind === "customers" ? "contact list" : null, i.dryRun ? "dry run" : null, i.status].filter(Boolean).join(", ")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{i.counts.rows.toLocaleString("en-US")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{i.counts.events.toLocaleString("en-US")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{i.counts.customersCreated.toLocaleString("en-US")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{i.counts.errors.toLocaleString("en-US")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{i.startedAt && i.finishedAt ? `${Math.max(1, Math.round((Date.parse(i.finishedAt) - Date.parse(i.startedAt)) / 1000))} s` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
