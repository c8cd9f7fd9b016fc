import "server-only";
import { authenticateApiKey, type ApiKeyCaller } from "@/lib/auth/api-key-auth";
import { ApiError, errorResponse } from "./errors";
import { effectiveRate, TokenBuckets } from "./rate-limit";

// One set of buckets per app instance (see rate-limit.ts for why that is acceptable).
const buckets = new TokenBuckets();

/** Every answer to a key holder carries the merchant's (often personal) data: never cached. */
function personal(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * Wraps a POS API route handler: authenticates the key (401), applies the key's rate limit (429
 * with Retry-After) and turns every thrown error into the JSON error shape. The handler receives
 * the caller, whose scope is the only source of the merchant id.
 */
export function withApiKey(name: string, handler: (request: Request, caller: ApiKeyCaller) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const caller = await authenticateApiKey(request);
      const decision = buckets.take(caller.apiKey.id, effectiveRate(caller.apiKey.rateLimitPerSecond));
      if (!decision.allowed) {
        throw new ApiError("rate_limited", `Too many requests for this API key. Retry in ${decision.retryAfterSeconds} s.`, {
          headers: { "Retry-After": String(decision.retryAfterSeconds) },
        });
      }
      return personal(await handler(request, caller));
    } catch (error) {
      return personal(errorResponse(error, `api ${name}`));
    }
  };
}
