// Loads the demo merchants into PostgreSQL: plain `pg` and COPY, not Prisma, because the bench
// size is millions of rows. Each merchant loads in one transaction (a failure leaves nothing
// half-loaded), replacing any earlier copy of itself, so reruns are safe.
import pg from "pg";
import { apiKeyPrefix, hashApiKey } from "../auth/api-key-secret";
import { hashPassword } from "../auth/password";
import { uuidv7 } from "../ids";
import { DEFAULT_TIERS } from "../loyalty/rules";
import { collectTotals, copyCustomers, copyEvents } from "./copy";
import { deriveRollups, REPORT_ROLLUP_TABLES, verifyEventReferences } from "./derive";
import { CustomerTotals } from "./totals";
import {
  BREW_BEAN_DEFAULT_SIZE, DEMO_PROFILES, IRON_TEMPLE_SIZE, merchantSetup, planMerchant, POINTS_PER_CURRENCY,
  type MerchantPlan, type MerchantSetup,
} from "./generate";
import type { MerchantProfile } from "./profile";

export const DEMO_PASSWORD = "punchcard-demo";

export interface SeedOptions {
  seed?: number;
  /** Brew & Bean's size; the gym is always ~300 members / 20k events. */
  customers?: number;
  events?: number;
  log?: (msg: string) => void;
  /** History ends at the start of this day (merchant-local). Defaults to today. */
  asOf?: Date;
}

export interface MerchantLoadStats {
  merchant: string;
  customers: number;
  events: number;
  /** Foreign keys were verified in one query after the load instead of row by row. */
  checkedAfterLoad: boolean;
  /** The customers COPY (plus, with row-by-row checks, a generation pass for their totals). */
  customersMs: number;
  /** The events COPY, generation included. */
  eventsMs: number;
  /** Rollups. */
  deriveMs: number;
  totalMs: number;
}

export interface SeedResult {
  merchants: number;
  customers: number;
  events: number;
  ms: number;
  perMerchant: MerchantLoadStats[];
}

export async function hasMerchants(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM merchants) AS found");
    return result.rows[0]?.found ?? false;
  } finally {
    await client.end();
  }
}

export async function seedDemoData(databaseUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 42;
  const asOf = options.asOf ?? new Date();
  // One argon2 hash (~25 ms) shared by every demo user: they all have the same password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const jobs: [MerchantProfile, { customers: number; events: number }][] = [
    [DEMO_PROFILES.brewBean, { customers: options.customers ?? BREW_BEAN_DEFAULT_SIZE.customers, events: options.events ?? BREW_BEAN_DEFAULT_SIZE.events }],
    [DEMO_PROFILES.ironTemple, IRON_TEMPLE_SIZE],
  ];

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const perMerchant: MerchantLoadStats[] = [];
  try {
    for (const [profile, size] of jobs) {
      const plan = planMerchant(profile, { seed, asOf, ...size });
      perMerchant.push(await loadMerchant(client, plan, passwordHash, log));
    }
    // Fresh statistics, so the first queries on the new data get good plans.
    await client.query(`ANALYZE merchants, users, locations, api_keys, customers, customer_passes, events, daily_rollups, customer_rollups, ${REPORT_ROLLUP_TABLES.join(", ")}`);
  } finally {
    await client.end();
  }
  return {
    merchants: perMerchant.length,
    customers: perMerchant.reduce((sum, m) => sum + m.customers, 0),
    events: perMerchant.reduce((sum, m) => sum + m.events, 0),
    ms: Math.round(performance.now() - started),
    perMerchant,
  };
}

/**
 * One merchant from any profile, in its own transaction: what the E2E factories use to give a spec
 * a merchant of its own (lib/seed/factory.ts). The profile's id, emails, key prefix and random
 * seed must not collide with another merchant's: ids derive from (seed, salt).
 */
export async function seedMerchant(
  databaseUrl: string,
  profile: MerchantProfile,
  options: { seed: number; customers: number; events: number; asOf?: Date; passwordHash?: string },
): Promise<MerchantLoadStats> {
  const plan = planMerchant(profile, { seed: options.seed, asOf: options.asOf ?? new Date(), customers: options.customers, events: options.events });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await loadMerchant(client, plan, options.passwordHash ?? (await hashPassword(DEMO_PASSWORD)), () => {});
  } finally {
    await client.end();
  }
}

async function loadMerchant(client: pg.Client, plan: MerchantPlan, passwordHash: string, log: (msg: string) => void): Promise<MerchantLoadStats> {
  const { profile } = plan;
  const setup = merchantSetup(plan);
  const t0 = performance.now();
  await client.query("BEGIN");
  try {
    // One commit at the end: waiting for its WAL flush is all synchronous_commit would cost.
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL work_mem = '256MB'");
    // The report triggers would fold every COPY batch in; report_rollups_rebuild does it once, set-based.
    await client.query("SET LOCAL punchcard.report_rollups = 'off'");
    await removeMerchant(client, profile);
    await insertMerchantRows(client, plan, setup, passwordHash);
    log(`${profile.name}: generating ${plan.customers.toLocaleString("en-US")} customers and ${plan.events.toLocaleString("en-US")} events…`);
    const rows = await loadCustomersAndEvents(client, plan, setup, log);
    const t1 = performance.now();
    await deriveRollups(client, profile.id, profile.timeZone);
    await client.query(
      `INSERT INTO audit_logs (id, merchant_id, actor_label, action, target_type, target_id, details)
       VALUES ($1, $2, 'Demo data', 'seed.loaded', 'merchant', $3, $4::jsonb)`,
      [uuidv7(), profile.id, profile.id, JSON.stringify({ seed: plan.seed, customers: rows.customers, events: rows.events })],
    );
    await client.query("COMMIT");
    const t2 = performance.now();
    log(`${profile.name}: rollups in ${((t2 - t1) / 1000).toFixed(1)} s`);
    return { merchant: profile.name, ...rows, deriveMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

type RowStats = Pick<MerchantLoadStats, "customers" | "events" | "checkedAfterLoad" | "customersMs" | "eventsMs">;

async function loadCustomersAndEvents(client: pg.Client, plan: MerchantPlan, setup: MerchantSetup, log: (msg: string) => void): Promise<RowStats> {
  const { profile } = plan;
  const totals = new CustomerTotals(plan.customers);
  let eventsStarted = 0;
  const progress = (n: number, c: number) => {
    const rate = Math.round(n / ((performance.now() - eventsStarted) / 1000));
    log(`${profile.name}: ${n.toLocaleString("en-US")} events (${c.toLocaleString("en-US")} customers), ${rate.toLocaleString("en-US")} rows/s`);
  };
  const copyAllEvents = async () => {
    eventsStarted = performance.now();
    const events = await copyEvents(client, plan, setup, totals, progress);
    return { events, ms: performance.now() - eventsStarted };
  };
  const copyAllCustomers = async (collectFirst: boolean) => {
    const started = performance.now();
    if (collectFirst) collectTotals(plan, totals);
    const customers = await copyCustomers(client, plan, totals);
    return { customers, ms: performance.now() - started };
  };

  if (await skipRowByRowChecks(client)) {
    // Events first, recording each customer's totals; then customers with their final state.
    const events = await copyAllEvents();
    const customers = await copyAllCustomers(false);
    log(`${profile.name}: ${customers.customers.toLocaleString("en-US")} customers in ${(customers.ms / 1000).toFixed(1)} s`);
    const checkStarted = performance.now();
    await verifyEventReferences(client, profile.id);
    log(`${profile.name}: foreign keys verified in ${((performance.now() - checkStarted) / 1000).toFixed(1)} s`);
    return { customers: customers.customers, events: events.events, checkedAfterLoad: true, customersMs: Math.round(customers.ms), eventsMs: Math.round(events.ms) };
  }
  // Checked row by row, customers must exist first: their totals come from a generation pass of
  // their own (same seed, same events, just no ids).
  const customers = await copyAllCustomers(true);
  const events = await copyAllEvents();
  return { customers: customers.customers, events: events.events, checkedAfterLoad: false, customersMs: Math.round(customers.ms), eventsMs: Math.round(events.ms) };
}

/**
 * Foreign-key checks run per row (a lookup and a row lock on the customer for every event) and
 * cost more than half the load time; with session_replication_role = replica (this transaction
 * only) they are skipped and verifyEventReferences() checks the whole load in one query instead.
 * Only superusers (or roles granted the setting) may do this; others load with the normal checks.
 */
async function skipRowByRowChecks(client: pg.Client): Promise<boolean> {
  await client.query("SAVEPOINT replication_role");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("RELEASE SAVEPOINT replication_role");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT replication_role");
    return false;
  }
}

/**
 * Deletes an earlier copy of this demo merchant, found by its fixed id, its users' emails or its
 * API key prefix (emails and prefixes are globally unique). Events go first, in one statement,
 * rather than row by row through the customers' cascade; the rollups have no foreign keys.
 */
async function removeMerchant(client: pg.Client, profile: MerchantProfile): Promise<void> {
  const found = await client.query<{ id: string }>(
    `SELECT id::text FROM merchants
     WHERE id = $1
        OR id IN (SELECT merchant_id FROM users WHERE email = ANY($2::text[]))
        OR id IN (SELECT merchant_id FROM api_keys WHERE prefix = $3)`,
    [profile.id, profile.users.map((u) => u.email), apiKeyPrefix(profile.apiKeySecret)],
  );
  for (const { id } of found.rows) {
    for (const table of ["events", "customer_rollups", "daily_rollups", "customer_suppressions", ...REPORT_ROLLUP_TABLES]) {
      await client.query(`DELETE FROM ${table} WHERE merchant_id = $1`, [id]);
    }
    await client.query("DELETE FROM merchants WHERE id = $1", [id]); // cascades to the rest
  }
}

async function insertMerchantRows(client: pg.Client, plan: MerchantPlan, setup: MerchantSetup, passwordHash: string): Promise<void> {
  const { profile } = plan;
  const createdAt = new Date(setup.createdAt);
  await client.query(
    `INSERT INTO merchants (id, name, time_zone, currency, points_per_currency, tiers, created_at, pass_serial_prefix, pass_serial_length)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, 8)`,
    [profile.id, profile.name, profile.timeZone, profile.currency, POINTS_PER_CURRENCY, JSON.stringify(DEFAULT_TIERS), createdAt, profile.serialPrefix],
  );
  await client.query(
    `INSERT INTO locations (id, merchant_id, name, created_at)
     SELECT id, $1, name, $2 FROM unnest($3::uuid[], $4::text[]) AS x(id, name)`,
    [profile.id, createdAt, setup.locations.map((l) => l.id), setup.locations.map((l) => l.name)],
  );
  // The rewards the demo customers redeem, as the counter's catalogue (Settings → Rewards).
  await client.query(
    `INSERT INTO rewards (id, merchant_id, name, points_cost, created_at)
     SELECT gen_random_uuid(), $1, name, cost, $2 FROM unnest($3::text[], $4::int[]) AS x(name, cost)`,
    [profile.id, createdAt, profile.rewards.map((r) => r.reward), profile.rewards.map((r) => r.pointsCost)],
  );
  // Everyone starts at the first shop, so the record screen opens on a real location.
  await client.query(
    `INSERT INTO users (id, merchant_id, email, name, password_hash, role, last_location_id, created_at)
     SELECT id, $1, email, name, $2, role::"Role", $3, $4
     FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[]) AS x(id, email, name, role)`,
    [
      profile.id, passwordHash, setup.locations[0]?.id ?? null, createdAt,
      setup.users.map((u) => u.id), setup.users.map((u) => u.email), setup.users.map((u) => u.name), setup.users.map((u) => u.role),
    ],
  );
  await client.query(
    `INSERT INTO api_keys (id, merchant_id, name, prefix, hash, created_by_id, last_used_at, created_at)
     VALUES ($1, $2, 'Demo POS', $3, $4, $5, $6, $7)`,
    [
      setup.apiKeyId, profile.id, apiKeyPrefix(profile.apiKeySecret), hashApiKey(profile.apiKeySecret),
      setup.users[0]?.id ?? null, new Date(plan.calendar.endMs - 3 * 60_000), createdAt,
    ],
  );
}
