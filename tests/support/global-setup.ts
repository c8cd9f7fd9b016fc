// One throw-away PostgreSQL for the unit + integration run, under the system temp folder.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, tempDataDir } from "../../lib/platform/embedded-postgres";
import { applyMigrations } from "../../lib/platform/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await startEmbeddedPostgres({ dataDir: tempDataDir("vitest"), ephemeral: true });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
  };
}
