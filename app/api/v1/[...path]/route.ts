// Any other path under /api/v1 answers the API's JSON 404 under `npm run dev` too, as the lean
// front (lib/api/server.ts) does in production.
import { apiNotFound } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export { apiNotFound as GET, apiNotFound as POST, apiNotFound as PUT, apiNotFound as PATCH, apiNotFound as DELETE };
