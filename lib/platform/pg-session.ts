// Session settings every connection of the app asks for (pg's `options`, so they hold on any
// PostgreSQL, embedded or external, without ALTER DATABASE rights).
//
// synchronize_seqscans=off: with it on, a sequential scan of a large table starts wherever the
// previous one stopped. The record screen's search reads the first few hundred matches of a common
// word ("mar") with a LIMIT-ed scan; starting at a different place each time made it read cold pages
// in about one search in fifteen (p95 118 ms against p50 23 ms at 1M customers; 10–17 ms every time
// with the setting off). Shared scans only help many concurrent full scans, which we do not run.
export const PG_SESSION_OPTIONS = "-c synchronize_seqscans=off";
