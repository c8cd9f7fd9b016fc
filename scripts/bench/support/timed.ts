import { performance } from "node:perf_hooks";

/**
 * The median time of `runs` calls of `fn` (after one warm-up call unless `warm` is false: plan
 * caches, the connection, the first touch of the pages), with the last call's value.
 */
export async function medianOf<T>(fn: () => Promise<T>, runs: number, warm = true): Promise<{ ms: number; value: T | undefined }> {
  let value = warm ? await fn() : undefined;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)] ?? 0, value };
}
