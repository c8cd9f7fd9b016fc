export default function CustomerLoading() {
  return (
    <div aria-busy="true" aria-label="Loading customer" className="animate-pulse">
      <div className="mb-3 h-4 w-24 rounded bg-stone-200" />
      <div className="mb-5 h-8 w-64 rounded bg-stone-200" />
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <div className="h-56 rounded-xl bg-stone-200" />
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3">{Array.from({ length: 6 }, (_, i) => <div key={i} className="h-24 rounded-xl bg-stone-200" />)}</div>
      </div>
      <div className="mt-4 h-96 rounded-xl bg-stone-200" />
    </div>
  );
}
