// Times the record screen's customer search (searchCustomersSql of lib/customers/search.ts, the
// very query the screen runs) on real data.
//
//   DATABASE_URL=postgres://… npm run bench -- search [--merchant <uuid>] [--runs 30]
//   npm run bench -- search --synthetic 100000     # throw-away embedded Postgres
//   add --explain to print each query's EXPLAIN (ANALYZE, BUFFERS)
//
// With DATABASE_URL it reads only (the busiest merchant unless --merchant); --synthetic N adds a
// temporary merchant with N customers, and removes it afterwards.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres, tempDataDir, type EmbeddedDatabase } from "../../lib/platform/embedded-postgres";
import { phoneRegionFor } from "../../lib/customers/region";
import { applyMigrations } from "../../lib/platform/migrations";
import { PG_SESSION_OPTIONS } from "../../lib/platform/pg-session";
import { reactServerChild } from "./support/react-server";

// lib/ is server-only: the benchmark reruns itself under the react-server condition (support/react-server.ts).
const { CHILD_FLAG, runAsChild } = reactServerChild(import.meta.url, "PUNCHCARD_BENCH_SEARCH_CHILD");

export default async function benchSearch(argv: string[]): Promise<void> {
  runAsChild(argv, "search benchmark");
}

const { values } = parseArgs({
  args: process.env[CHILD_FLAG] ? process.argv.slice(2) : [],
  options: { merchant: { type: "string" }, runs: { type: "string", default: "30" }, synthetic: { type: "string" }, explain: { type: "boolean", default: false }, limit: { type: "string", default: "8" } },
});

async function seedSynthetic(client: pg.Client, n: number): Promise<string> {
  const id = randomUUID();
  await client.query("INSERT INTO merchants (id, name, time_zone, currency) VALUES ($1, $2, 'America/New_York', 'USD')", [id, `Bench ${id.slice(0, 8)}`]);
  const first = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Ken", "Barbara", "Edsger", "Sofia", "Mateo", "Aiko", "Kwame", "Priya", "Lars", "Chen", "Olga"];
  const last = ["Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Thompson", "Liskov", "Dijkstra", "García", "Rossi", "Tanaka", "Mensah", "Patel", "Berg", "Wang", "Ivanova"];
  await client.query(
    `WITH added AS (
     INSERT INTO customers (id, merchant_id, name, email, phone, external_id, pass_serial)
     SELECT gen_random_uuid(), $1::uuid,
            ($2::text[])[1 + g % 16] || ' ' || ($3::text[])[1 + (g / 16) % 16] || CASE WHEN g % 7 = 0 THEN ' Jr' ELSE '' END,
            CASE WHEN g % 5 = 0 THEN NULL ELSE 'user' || g || '@' || (ARRAY['gmail.com','example.com','mail.test'])[1 + g % 3] END,
            CASE WHEN g % 3 = 0 THEN NULL ELSE '+1 ' || (200 + g % 800)::text || ' 555 ' || lpad((g % 10000)::text, 4, '0') END,
            CASE WHEN g % 2 = 0 THEN 'pos-' || g END,
            'BB-' || upper(substr(md5(g::text), 1, 3) || lpad(to_hex(g), 5, '0')) -- unique per g
     FROM generate_series(1, $4::int) g
     RETURNING id, merchant_id, pass_serial)
     INSERT INTO customer_passes (merchant_id, customer_id, last_seen_at)
     SELECT merchant_id, id, CASE WHEN g % 10 = 0 THEN NULL ELSE now() - (g * 37 % 525600 || ' minutes')::interval END
     FROM (SELECT *, ('x' || lpad(right(pass_serial, 5), 8, '0'))::bit(32)::int AS g FROM added) a`,
    [id, first, last, n],
  );
  await client.query("ANALYZE customers, customer_passes");
  return id;
}

async function pickMerchant(client: pg.Client): Promise<string> {
  if (values.merchant) return values.merchant;
  const r = await client.query<{ merchant_id: string }>("SELECT merchant_id FROM customers GROUP BY merchant_id ORDER BY count(*) DESC LIMIT 1");
  if (!r.rows[0]) throw new Error("No customers in this database. Use --synthetic N.");
  return r.rows[0].merchant_id;
}

/** Representative queries drawn from the merchant's own data. */
async function sampleQueries(client: pg.Client, merchantId: string): Promise<[string, string][]> {
  const r = await client.query<{ name: string | null; email: string | null; phone: string | null; pass_serial: string }>(
    "SELECT name, email, phone, pass_serial FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id WHERE c.merchant_id = $1 AND email IS NOT NULL AND phone IS NOT NULL AND name IS NOT NULL ORDER BY p.last_seen_at ASC NULLS FIRST LIMIT 1",
    [merchantId],
  );
  const c = r.rows[0];
  const queries: [string, string][] = [];
  if (c) {
    const name = c.name ?? "";
    // What people type: no accents, any case, the words in any order.
    const plain = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    const digits = (c.phone ?? "").replace(/\D/g, "");
    queries.push(["exact serial (scanner)", c.pass_serial], ["serial fragment", c.pass_serial.slice(3, 8)], ["exact email", c.email ?? ""]);
    queries.push(["email fragment", (c.email ?? "").split("@")[0] ?? ""], ["phone fragment", digits.slice(-4)]);
    queries.push(["phone, E.164", c.phone ?? ""], ["phone, national digits", digits.slice(1)], ["phone, '555 0570'", `${digits.slice(-7, -4)} ${digits.slice(-4)}`]);
    queries.push(["name, full", name], ["last name", name.split(" ")[1] ?? ""], ["name, no accents", plain], ["name, words reversed", plain.split(" ").reverse().join(" ")]);
  }
  queries.push(["common prefix", "mar"], ["common 3 letters", "ada"], ["2 letters", "an"], ["1 letter", "a"], ["rare 2 letters", "qz"], ["no match", "zqxv9"], ["domain (many hits)", "gmail"]);
  return queries.filter(([, q]) => q.length > 0);
}

async function main() {
  const runs = Number(values.runs);
  const limit = Number(values.limit);
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    if (!values.synthetic) throw new Error("Set DATABASE_URL, or pass --synthetic N to use a throw-away embedded Postgres.");
    embedded = await startEmbeddedPostgres({ dataDir: tempDataDir("bench-search"), ephemeral: true });
    url = embedded.url;
    await applyMigrations(url);
  }
  const { searchCustomersSql } = await import("../../lib/customers/search");
  // The app's own session settings (lib/db.ts), so the timings are the app's.
  const client = new pg.Client({ connectionString: url, options: PG_SESSION_OPTIONS });
  await client.connect();
  let synthetic: string | undefined;
  try {
    if (values.synthetic) {
      const t0 = Date.now();
      synthetic = await seedSynthetic(client, Number(values.synthetic));
      console.log(`synthetic merchant with ${values.synthetic} customers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const merchantId = synthetic ?? (await pickMerchant(client));
    const total = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE merchant_id = $1", [merchantId]);
    const zone = await client.query<{ time_zone: string }>("SELECT time_zone FROM merchants WHERE id = $1", [merchantId]);
    const region = phoneRegionFor(zone.rows[0]?.time_zone ?? "UTC");
    console.log(`merchant ${merchantId}: ${total.rows[0]?.n} customers; ${runs} runs each, limit ${limit}\n`);
    const rows: Record<string, string | number>[] = [];
    for (const [label, q] of await sampleQueries(client, merchantId)) {
      const query = searchCustomersSql(merchantId, q, limit, region);
      if (!query) continue;
      const [sql, args] = [query.text, query.values];
      for (let i = 0; i < 3; i++) await client.query(sql, args); // warm the cache
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        hits = (await client.query(sql, args)).rowCount ?? 0;
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${values.explain ? "(ANALYZE, BUFFERS) " : ""}${sql}`, args)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      if (values.explain) console.log(`--- ${label}: ${q}\n${plan}\n`);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
      rows.push({ query: label, q, hits, "p50 ms": at(0.5), "p95 ms": at(0.95), "max ms": times.at(-1)!.toFixed(1), trigram: plan.includes("customers_search_text_trgm_idx") ? "yes" : "no" });
    }
    // Reference, measured in the same run: the cheapest lookup there is (one unique-index probe).
    const ref: string[] = [];
    const refTimes: number[] = [];
    const probe = await client.query<{ pass_serial: string }>("SELECT pass_serial FROM customers WHERE merchant_id = $1 LIMIT 1", [merchantId]);
    for (let i = 0; i < runs + 3; i++) {
      const t = process.hrtime.bigint();
      await client.query("SELECT id FROM customers WHERE merchant_id = $1 AND pass_serial = $2", [merchantId, probe.rows[0]?.pass_serial ?? ""]);
      if (i >= 3) refTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    refTimes.sort((a, b) => a - b);
    ref.push(refTimes[Math.floor(0.5 * refTimes.length)]!.toFixed(1), refTimes[Math.min(refTimes.length - 1, Math.floor(0.95 * refTimes.length))]!.toFixed(1));
    rows.push({ query: "reference: one serial lookup", q: "(pass_serial =)", hits: 1, "p50 ms": ref[0]!, "p95 ms": ref[1]!, "max ms": refTimes.at(-1)!.toFixed(1), trigram: "-" });
    console.table(rows);
    const worst = Math.max(...rows.filter((r) => !String(r.query).startsWith("reference")).map((r) => Number(r["p95 ms"])));
    console.log(`worst p95 ${worst.toFixed(1)} ms (target ≤ 50 ms at 1M customers)`);
  } finally {
    if (synthetic) {
      await client.query("DELETE FROM customers WHERE merchant_id = $1", [synthetic]);
      await client.query("DELETE FROM merchants WHERE id = $1", [synthetic]);
    }
    await client.end();
    await embedded?.stop();
  }
}

if (process.env[CHILD_FLAG]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
