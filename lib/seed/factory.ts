// A merchant of its own for one Playwright spec: Brew & Bean's shape (three shops, a café's
// customers and 18 months of history, a rewards catalogue, an API key, an owner, a manager and a
// staff member), under a fresh identity, loaded by the same code as the demo data. Served to the
// specs by scripts/e2e-factory.ts, which exists only on an `--ephemeral` server started with
// PUNCHCARD_E2E_FACTORIES=1 (playwright.config.ts), never in production.
import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../auth/password";
import { uuidv7 } from "../ids";
import { BREW_BEAN } from "./brew-bean";
import { DEMO_PASSWORD, seedMerchant } from "./load";

export interface FactoryMerchantInput {
  /** Goes into the merchant's name and its users' emails, so a failing spec's data is easy to find. */
  label?: string;
  customers?: number;
  events?: number;
  /** The API key's rate (burst twice that); default 100/s like any key. A low one lets a spec reach the limit on a slow machine. */
  apiRateLimitPerSecond?: number;
}

export interface FactoryMerchant {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  serialPrefix: string;
  locations: string[];
  users: { owner: FactoryUser; manager: FactoryUser; staff: FactoryUser };
  password: string;
  apiKey: string;
  customers: number;
  events: number;
}

export interface FactoryUser {
  email: string;
  name: string;
}

/** Small enough to load in about a second, big enough for every chart and a second list page. */
export const FACTORY_SIZE = { customers: 120, events: 4_000 } as const;
const MAX = { customers: 5_000, events: 200_000 } as const;

let passwordHash: Promise<string> | null = null;

export async function createFactoryMerchant(databaseUrl: string, input: FactoryMerchantInput = {}): Promise<FactoryMerchant> {
  const customers = Math.min(Math.max(1, Math.trunc(input.customers ?? FACTORY_SIZE.customers)), MAX.customers);
  const events = Math.min(Math.max(customers, Math.trunc(input.events ?? FACTORY_SIZE.events)), MAX.events);
  const tag = randomBytes(4).toString("hex");
  const label = (input.label ?? "spec").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 30) || "spec";
  const name = `${titleCase(label)} ${tag}`;
  const email = (role: string) => `${role}-${label}-${tag}@factory.test`;
  const profile = {
    ...BREW_BEAN,
    // Customer, user and location ids derive from (seed, salt): both fresh, so nothing collides.
    salt: randomInt(1, 2 ** 31),
    id: uuidv7(),
    name,
    users: BREW_BEAN.users.map((u) => ({ ...u, email: email(u.role) })),
    // Unique in its first 16 characters (the key prefix is a unique column).
    apiKeySecret: `pc_e2e_${tag}${randomBytes(16).toString("hex")}`,
  };
  // One argon2 hash for every factory user of this server: they share the demo password.
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const stats = await seedMerchant(databaseUrl, profile, { seed: randomInt(1, 2 ** 31), customers, events, passwordHash: await passwordHash });
  if (input.apiRateLimitPerSecond) await setApiRate(databaseUrl, profile.id, Math.max(1, Math.trunc(input.apiRateLimitPerSecond)));
  const user = (role: "owner" | "manager" | "staff"): FactoryUser => {
    const found = profile.users.find((u) => u.role === role);
    if (!found) throw new Error(`The factory profile has no ${role}`);
    return { email: found.email, name: found.name };
  };
  return {
    id: profile.id,
    name,
    timeZone: profile.timeZone,
    currency: profile.currency,
    serialPrefix: profile.serialPrefix,
    locations: [...profile.locations],
    users: { owner: user("owner"), manager: user("manager"), staff: user("staff") },
    password: DEMO_PASSWORD,
    apiKey: profile.apiKeySecret,
    customers: stats.customers,
    events: stats.events,
  };
}

async function setApiRate(databaseUrl: string, merchantId: string, rate: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE api_keys SET rate_limit_per_second = $2 WHERE merchant_id = $1", [merchantId, rate]);
  } finally {
    await client.end();
  }
}

function titleCase(label: string): string {
  return label.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}
