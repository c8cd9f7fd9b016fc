// GET answers a scan at the counter: who is this pass, and what is on it. See docs/api.md.
import { ApiError } from "@/lib/api/errors";
import { withApiKey } from "@/lib/api/handler";
import { queryParams } from "@/lib/api/query";
import { lookupQuerySchema } from "@/lib/api/schemas";
import { lookupCustomer, type CustomerLookupRef } from "@/lib/customers/lookup";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApiKey("GET /api/v1/customers/lookup", async (request, { scope }) => {
  const query = queryParams(request, lookupQuerySchema);
  const ref: CustomerLookupRef = query.passSerial ? { passSerial: query.passSerial } : query.externalId ? { externalId: query.externalId } : { email: query.email ?? "" };
  const result = await lookupCustomer(scope, ref);
  if (result.status === "ambiguous") {
    throw new ApiError("customer_ambiguous", "Several customers share this email; look the customer up by passSerial or externalId.", { path: "email" });
  }
  if (result.status === "not_found") throw new ApiError("customer_not_found", "No customer matches this lookup.");
  return Response.json(result.lookup);
});
