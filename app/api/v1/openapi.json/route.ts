// The OpenAPI 3.1 document of the POS API. Public: it describes the contract, not any data.
// The handler lives in lib/api/routes.ts (served by lib/api/server.ts in production).
export { getOpenApiDocument as GET } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-static";
