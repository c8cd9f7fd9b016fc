// The API is declared once, in lib/api/routes.ts (API_ROUTES): production's lean front serves that
// table, `npm run dev` serves app/api/v1/**/route.ts through Next. This fails when the two differ,
// so an endpoint added to one mode only cannot ship.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, apiNotFound } from "./routes";

const ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

describe("the API's two fronts", () => {
  it("serve the same endpoints with the same handlers", async () => {
    const fromFiles: Record<string, Record<string, unknown>> = {};
    for (const file of routeFiles(ROOT)) {
      const relative = path.relative(ROOT, path.dirname(file)).split(path.sep).join("/");
      const mod = (await import(file)) as Record<string, unknown>;
      const handlers = Object.fromEntries(METHODS.flatMap((m) => (typeof mod[m] === "function" ? [[m, mod[m]]] : [])));
      if (relative === "[...path]") {
        // The catch-all answers the API's JSON 404 in dev, as the lean front does.
        expect(Object.values(handlers).every((h) => h === apiNotFound)).toBe(true);
        continue;
      }
      fromFiles[`/api/v1/${relative}`] = handlers;
    }
    expect(Object.keys(fromFiles).sort()).toEqual(Object.keys(API_ROUTES).sort());
    for (const [pathname, handlers] of Object.entries(API_ROUTES)) expect(fromFiles[pathname]).toEqual(handlers);
  });
});
