export default function CustomersLoading() {
  return (
    <div aria-busy="true" aria-label="Loading customers" className="animate-pulse">
      <div className="mb-5 h-8 w-48 rounded bg-stone-200" />
      <div className="mb-4 h-11 rounded-lg bg-stone-200" />
      <div className="space-y-2 rounded-xl border border-stone-200 bg-white p-3">
        {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-10 rounded bg-stone-100" />)}
      </div>
    </div>
  );
}
