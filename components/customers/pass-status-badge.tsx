import { clsx } from "clsx";
import { PASS_LABELS } from "@/lib/customers/list-params";

const STYLES = {
  installed: "bg-green-100 text-green-800",
  uninstalled: "bg-amber-100 text-amber-800",
  not_installed: "bg-stone-100 text-stone-700",
} as const;

export function PassStatusBadge({ status }: { status: keyof typeof STYLES }) {
  return <span className={clsx("inline-block rounded px-1.5 py-0.5 text-xs font-medium", STYLES[status])}>{PASS_LABELS[status]}</span>;
}
