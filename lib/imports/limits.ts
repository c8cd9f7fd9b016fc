// The import caps, in one place (pure: the OpenAPI document and the upload both read them).
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;
