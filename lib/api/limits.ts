// The POS API's published limits, in one pure module so the OpenAPI document can quote them.
// API_MAX_BATCH must equal recordEvents' MAX_BATCH (asserted in lib/api/limits.test.ts).

/** 1 MiB: a batch of 1,000 typical events is ~250 KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const API_MAX_BATCH = 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
export const MAX_LIST_LIMIT = 200;
export const DEFAULT_LIST_LIMIT = 50;
