// POST records one event or a batch; GET lists events newest first. See docs/api.md.
// The handlers live in lib/api/routes.ts: in production the lean front (lib/api/server.ts) serves
// them without Next's router; Next serves them under `npm run dev`.
export { postEvents as POST, getEvents as GET } from "@/lib/api/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
