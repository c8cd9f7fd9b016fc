import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePageContext } from "@/lib/auth/session";
import { ApiGuide } from "@/components/settings/api-guide";

export const metadata: Metadata = { title: "API" };

/** The base URL the POS should call: this request's host, so examples work as pasted. */
async function baseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwarded ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ApiSettingsPage() {
  const context = await requirePageContext("owner");
  return <ApiGuide baseUrl={await baseUrl()} currency={context.merchant.currency} />;
}
