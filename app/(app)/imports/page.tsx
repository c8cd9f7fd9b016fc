import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Imports" };

export default async function Page() {
  await requirePageContext("manager");
  return <ComingSoon title="Imports" description="Upload spreadsheets from your till or another system and map their columns to events." />;
}
