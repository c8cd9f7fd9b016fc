import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="text-stone-600">Your role doesn’t include this section. Ask an owner of your business if you need it.</p>
      <Link href="/" className="mt-2 rounded-lg bg-stone-900 px-4 py-2 text-white">Back to overview</Link>
    </main>
  );
}
