import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Record event" };

export default async function Page() {
  await requirePageContext("staff");
  return <ComingSoon title="Record event" description="Find a customer and record a visit, purchase, check-in or redemption." />;
}
