import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Segments" };

export default async function Page() {
  await requirePageContext("manager");
  return <ComingSoon title="Segments" description="Build groups of customers from what they do, like regulars or lapsed customers." />;
}
