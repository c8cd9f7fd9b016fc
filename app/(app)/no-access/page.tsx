import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "No access" };

// Where a refused download (e.g. staff opening /customers/export) sends a browser tab: the 403
// page in the dashboard's frame, instead of a JSON error.
export default async function NoAccessPage() {
  await requirePageContext("staff");
  forbidden();
}
