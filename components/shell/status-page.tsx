import Link from "next/link";

const TEXT = {
  404: { title: "Not found", body: "This page or record doesn’t exist, or it belongs to another business." },
  403: { title: "You don’t have access to this page", body: "Your role doesn’t include this section. Ask an owner of your business if you need it." },
} as const;

/**
 * The 404 and 403 pages. Inside the dashboard they render within the shell's <main>, so there
 * they are a plain section (`inShell`); outside it (an unknown URL) they are the page's <main>.
 */
export function StatusPage({ status, inShell }: { status: keyof typeof TEXT; inShell: boolean }) {
  const Tag = inShell ? "section" : "main";
  return (
    <Tag className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="text-2xl font-semibold">{TEXT[status].title}</h1>
      <p className="text-stone-600">{TEXT[status].body}</p>
      <Link href="/" className="mt-2 rounded-lg bg-stone-900 px-4 py-2 text-white">Back to overview</Link>
    </Tag>
  );
}
