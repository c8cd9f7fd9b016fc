// Opt-in phase timings for profiling a long job (PUNCHCARD_PROFILE_PHASES=1 in the environment the
// process starts with): milliseconds summed per phase name, printed by the caller (the import
// bench). Costs one branch per call when off.
const ENABLED = process.env.PUNCHCARD_PROFILE_PHASES === "1";
const enabled = () => ENABLED;
const totals = new Map<string, { ms: number; calls: number }>();

export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!enabled()) return work();
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    add(name, performance.now() - t0);
  }
}

export function timedSync<T>(name: string, work: () => T): T {
  if (!enabled()) return work();
  const t0 = performance.now();
  try {
    return work();
  } finally {
    add(name, performance.now() - t0);
  }
}

function add(name: string, ms: number) {
  const entry = totals.get(name) ?? { ms: 0, calls: 0 };
  entry.ms += ms;
  entry.calls++;
  totals.set(name, entry);
}

/** The totals so far (and resets them). */
export function takePhaseTotals(): Record<string, { ms: number; calls: number }> {
  const out = Object.fromEntries([...totals].map(([k, v]) => [k, { ms: Math.round(v.ms), calls: v.calls }]));
  totals.clear();
  return out;
}
