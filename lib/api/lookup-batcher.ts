// Group lookups for hot per-request reads (API keys): at most one query in flight; lookups that
// arrive meanwhile wait and all go into the next query. A lookup never joins a query that was
// already running when it arrived, so it reads the database as of a moment after its request
// came in: a key revoked before a request arrives is refused, exactly as with one query each.
// An idle system adds no wait; under load, N concurrent requests cost one round trip, not N.

type Fetch<K, V> = (keys: K[]) => Promise<Map<K, V>>;

interface Waiting<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

export class LookupBatcher<K, V> {
  private queue = new Map<K, Waiting<V>[]>();
  private inFlight = false;

  constructor(private readonly fetch: Fetch<K, V>, private readonly maxKeys = 100) {}

  get(key: K): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      this.pump();
    });
  }

  private pump() {
    if (this.inFlight || this.queue.size === 0) return;
    const batch = new Map<K, Waiting<V>[]>();
    for (const [key, waiting] of this.queue) {
      if (batch.size >= this.maxKeys) break;
      batch.set(key, waiting);
    }
    for (const key of batch.keys()) this.queue.delete(key);
    this.inFlight = true;
    this.fetch([...batch.keys()]).then(
      (found) => {
        for (const [key, waiting] of batch) for (const w of waiting) w.resolve(found.get(key));
      },
      (error: unknown) => {
        for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
      },
    ).finally(() => {
      this.inFlight = false;
      this.pump();
    });
  }
}
