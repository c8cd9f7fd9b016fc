import "server-only";
import { db } from "@/lib/db";

/**
 * Keeps the planner's statistics of the tables an import grows current while it grows them.
 * Autovacuum analyzes a table a minute or more after a tenth of it changed; until then PostgreSQL
 * plans with the old counts, and for a merchant whose events an import is multiplying that meant
 * reading every event of the merchant where an index finds a handful: the import's own key lookup
 * per chunk (so the import slowed down as it went) and a customer page's totals during and after
 * it (the benchmark's customer page: 93 ms on average at 1,000,000 rows, against a few ms). So the
 * import analyzes them itself each time the rows it created (events; customers and opening-balance
 * events for a contact list) have grown fourfold since 10,000, and once at the end. ANALYZE reads
 * a sample (a fraction of a second) and runs beside the import's chunks, not inside them.
 */
export class TableStatistics {
  private rows = 0;
  private next = 10_000;
  private running: Promise<void> = Promise.resolve();

  grew(rows: number): void {
    this.rows += rows;
    if (this.rows < this.next) return;
    while (this.next <= this.rows) this.next *= 4;
    this.analyze();
  }

  /** Waits for an ANALYZE in progress; `final` runs one more first when this run created rows. */
  async settled(final: boolean): Promise<void> {
    if (final && this.rows > 0) this.analyze();
    await this.running;
  }

  private analyze(): void {
    this.running = this.running.then(() =>
      db.$executeRaw`ANALYZE events, customers, customer_passes, customer_rollups`.then(
        () => undefined,
        // Statistics are an optimisation: a failure here must not fail the import.
        (error: unknown) => console.error("import: ANALYZE failed", error),
      ),
    );
  }
}
