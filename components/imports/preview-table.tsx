import type { Preview } from "@/lib/imports/preview";
import { formatLocal } from "@/lib/time";

/** The sample rows: what each becomes, or the reason it will be an error row (highlighted). */
export function PreviewTable({ preview, timeZone }: { preview: Preview; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-stone-500">
          <tr>
            <th className="px-2 py-1">Line</th>
            <th className="px-2 py-1">{preview.kind === "customers" ? "Customer" : "Will record"}</th>
            {preview.header.map((h) => (
              <th key={h} className="whitespace-nowrap px-2 py-1">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line} className={row.error ? "bg-red-50" : "border-t border-stone-100"} data-testid={row.error ? "preview-error" : "preview-row"}>
              <td className="px-2 py-1 tabular-nums text-stone-500">{row.line}</td>
              <td className="min-w-56 px-2 py-1">
                {row.error ? (
                  <span className="text-red-700">{row.error}</span>
                ) : preview.kind === "customers" ? (
                  <span>{row.contact ?? "—"}</span>
                ) : row.event ? (
                  <span>
                    {row.event.type} · {row.event.customer} · {formatLocal(new Date(row.event.occurredAt), timeZone, "MMM d, yyyy h:mm a")}
                    {row.event.amount && ` · ${row.event.amount}`}
                  </span>
                ) : (
                  <span className="text-stone-500">grouped with the order above</span>
                )}
              </td>
              {row.cells.map((cell, i) => (
                <td key={i} className="whitespace-nowrap px-2 py-1 text-stone-700">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
