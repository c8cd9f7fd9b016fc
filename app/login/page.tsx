import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getMerchantContext } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getMerchantContext()) redirect("/");
  const params = await searchParams;
  // Only paths on this site are followed after sign-in.
  const callbackUrl = safeCallbackUrl(params.callbackUrl, process.env.NEXTAUTH_URL ?? "http://localhost");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-stone-100 p-4">
      <div className="w-full max-w-sm rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white">P</span>
          <span className="text-xl font-semibold">Punchcard</span>
        </div>
        <h1 className="mb-4 text-lg font-semibold">Sign in to your dashboard</h1>
        <SignInForm callbackUrl={callbackUrl} />
        {process.env.PUNCHCARD_DEMO === "1" && (
          <p className="mt-6 rounded-lg bg-stone-50 p-3 text-xs text-stone-600">
            Demo: <code>owner@brewbean.test</code>, <code>manager@brewbean.test</code>, <code>staff@brewbean.test</code> or{" "}
            <code>owner@irontemple.test</code>, password <code>punchcard-demo</code>.
          </p>
        )}
      </div>
    </main>
  );
}
