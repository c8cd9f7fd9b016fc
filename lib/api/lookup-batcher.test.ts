import { describe, expect, it } from "vitest";
import { LookupBatcher } from "./lookup-batcher";

function fakeFetch() {
  const calls: string[][] = [];
  const release: (() => void)[] = [];
  let failNext = false;
  const fetch = async (keys: string[]) => {
    calls.push(keys);
    const fail = failNext;
    failNext = false;
    await new Promise<void>((r) => release.push(r));
    if (fail) throw new Error("boom");
    return new Map(keys.filter((k) => k !== "missing").map((k) => [k, `row:${k}`]));
  };
  const releaseOne = async () => {
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, fetch, releaseOne, failOnce: () => (failNext = true) };
}

describe("LookupBatcher", () => {
  it("looks up alone when idle, and groups lookups that arrive while a query runs into the next one", async () => {
    const f = fakeFetch();
    const batcher = new LookupBatcher(f.fetch);
    const first = batcher.get("a");
    const second = batcher.get("a");
    const third = batcher.get("b");
    expect(f.calls).toEqual([["a"]]);
    await f.releaseOne();
    expect(await first).toBe("row:a");
    // Arrived while the first query ran: not answered by it, but by the next one, together.
    expect(f.calls).toEqual([["a"], ["a", "b"]]);
    await f.releaseOne();
    expect([await second, await third]).toEqual(["row:a", "row:b"]);
  });

  it("answers undefined for keys the query did not find, and rejects only the batch whose query failed", async () => {
    const f = fakeFetch();
    const batcher = new LookupBatcher(f.fetch);
    f.failOnce();
    const failed = expect(batcher.get("a")).rejects.toThrow("boom");
    const missing = batcher.get("missing");
    await f.releaseOne();
    await failed;
    await f.releaseOne();
    expect(await missing).toBeUndefined();
  });
});
