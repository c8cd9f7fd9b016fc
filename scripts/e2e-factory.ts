// The E2E factories' one route: `POST /__e2e/merchants` {label?, customers?, events?} creates a
// merchant of its own for a Playwright spec (lib/seed/factory.ts) and answers its users, password
// and API key. scripts/run.ts mounts it only for `--ephemeral` with PUNCHCARD_E2E_FACTORIES=1 (set
// by playwright.config.ts): a throw-away database, so no production server ever has it. Served
// before Next, so the route is not part of the build either.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createFactoryMerchant, type FactoryMerchantInput } from "../lib/seed/factory";

export const E2E_FACTORY_PATH = "/__e2e/merchants";

export function isFactoryPath(url: string): boolean {
  return url.split("?")[0] === E2E_FACTORY_PATH;
}

export async function serveFactoryRequest(databaseUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
  };
  if (req.method !== "POST") return answer(405, { error: { code: "method_not_allowed" } });
  let text = "";
  for await (const chunk of req) {
    text += (chunk as Buffer).toString("utf8");
    if (text.length > 10_000) return answer(413, { error: { code: "payload_too_large" } });
  }
  let input: FactoryMerchantInput;
  try {
    input = text ? (JSON.parse(text) as FactoryMerchantInput) : {};
  } catch {
    return answer(400, { error: { code: "invalid_json" } });
  }
  answer(201, await createFactoryMerchant(databaseUrl, input));
}
