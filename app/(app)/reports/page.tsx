import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Reports" };

export default async function Page() {
  await requirePageContext("manager");
  return <ComingSoon title="Reports" description="Monthly summaries and trends for your business." />;
}
