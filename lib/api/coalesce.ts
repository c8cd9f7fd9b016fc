// Group commit for single-event API requests. Each recordEvents() call costs a transaction of
// ~6 round trips and a WAL flush whether it carries 1 event or 100, so concurrent single events
// of one API key are recorded together: while a transaction of that key is running, new events
// queue and go in the next one. An idle system adds no wait. Results stay per event (recordEvents
// reports each one), and a batch applies its events in arrival order, as if one after another.
// One transaction in flight per key measured best: parallel transactions of one merchant queue on
// the same daily-rollup and pass rows anyway (20 clients: 1,233 events/s at 1 in flight, 361 at 2).
import type { MerchantScope } from "@/lib/auth/session";
import type { EventSourceRef, RecordResult } from "@/lib/events/types";

type Record = (scope: MerchantScope, inputs: unknown[], source: EventSourceRef) => Promise<RecordResult[]>;

interface Waiting {
  input: unknown;
  key: string | undefined;
  resolve: (result: RecordResult) => void;
  reject: (error: unknown) => void;
}

interface Group {
  scope: MerchantScope;
  source: EventSourceRef;
  queue: Waiting[];
  inFlight: number;
}

const idempotencyKeyOf = (input: unknown): string | undefined => {
  if (typeof input !== "object" || input === null || !("idempotencyKey" in input)) return undefined;
  const key = (input as { idempotencyKey?: unknown }).idempotencyKey;
  return typeof key === "string" ? key : undefined;
};

export class EventCoalescer {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly record: Record,
    private readonly options: { maxInFlight: number; maxBatch: number } = { maxInFlight: 1, maxBatch: 200 },
  ) {}

  /** Records one event, possibly in the same transaction as other concurrent events of this key. */
  submit(scope: MerchantScope, source: EventSourceRef & { kind: "api" }, input: unknown): Promise<RecordResult> {
    const id = `${scope.merchantId}|${source.apiKeyId}`;
    let group = this.groups.get(id);
    if (!group) this.groups.set(id, (group = { scope, source, queue: [], inFlight: 0 }));
    const current = group;
    return new Promise<RecordResult>((resolve, reject) => {
      current.queue.push({ input, key: idempotencyKeyOf(input), resolve, reject });
      this.pump(id, current);
    });
  }

  private pump(id: string, group: Group) {
    while (group.inFlight < this.options.maxInFlight && group.queue.length > 0) {
      const batch = this.take(group);
      group.inFlight++;
      void this.run(group, batch).finally(() => {
        group.inFlight--;
        if (group.queue.length > 0) this.pump(id, group);
        else if (group.inFlight === 0) this.groups.delete(id);
      });
    }
  }

  /**
   * Takes queued events in order, leaving behind any whose idempotency key is already in this
   * batch: recordEvents refuses a key twice in one batch, but two requests retrying one key must
   * see "created" then "duplicate", exactly as when sent one after the other.
   */
  private take(group: Group): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    const rest: Waiting[] = [];
    for (const waiting of group.queue) {
      if (batch.length >= this.options.maxBatch || (waiting.key !== undefined && keys.has(waiting.key))) rest.push(waiting);
      else {
        if (waiting.key !== undefined) keys.add(waiting.key);
        batch.push(waiting);
      }
    }
    group.queue = rest;
    return batch;
  }

  private async run(group: Group, batch: Waiting[]) {
    try {
      const results = await this.record(group.scope, batch.map((w) => w.input), group.source);
      batch.forEach((w, i) => {
        const result = results[i];
        if (result) w.resolve(result);
        else w.reject(new Error("recordEvents returned fewer results than events"));
      });
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      // An unexpected failure rolls the whole transaction back; retry alone so one bad event
      // (or a transient error) does not fail its neighbours.
      await Promise.all(batch.map(async (w) => {
        try {
          const [result] = await this.record(group.scope, [w.input], group.source);
          if (result) w.resolve(result);
          else w.reject(new Error("recordEvents returned no result"));
        } catch (alone) {
          w.reject(alone);
        }
      }));
    }
  }
}
