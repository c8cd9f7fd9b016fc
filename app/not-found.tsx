import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-stone-600">This page or record doesn’t exist, or it belongs to another business.</p>
      <Link href="/" className="mt-2 rounded-lg bg-stone-900 px-4 py-2 text-white">Back to overview</Link>
    </main>
  );
}
