// The API is declared once, in lib/api/routes.ts (API_ROUTES): production's lean front serves that
// table, `npm run dev` serves app/api/v1/**/route.ts through Next. This fails when the two differ,
// so an endpoint added to one mode only cannot ship.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_PATTERNS, API_ROUTES, apiNotFound } from "./routes";

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
    // Paths with an id (`[id]` folders) are served by API_PATTERNS, tried with a sample id.
    const SAMPLE_ID = "0192f1e2-0000-7000-8000-000000000001";
    const fixed = Object.keys(fromFiles).filter((p) => !p.includes("["));
    expect(fixed.sort()).toEqual(Object.keys(API_ROUTES).sort());
    for (const [pathname, handlers] of Object.entries(API_ROUTES)) expect(fromFiles[pathname]).toEqual(handlers);
    const withId = Object.keys(fromFiles).filter((p) => p.includes("["));
    for (const pathname of withId) {
      const sample = pathname.replace(/\[[^\]]+\]/g, SAMPLE_ID);
      const matches = API_PATTERNS.filter((p) => p.pattern.test(sample));
      expect(matches, pathname).toHaveLength(1);
      expect(matches[0]?.methods, pathname).toEqual(fromFiles[pathname]);
    }
    // And no pattern without its file.
    expect(API_PATTERNS.length).toBe(withId.length);
  });
});
