// The password rule as the browser shows it. lib/auth/password.ts (server only: argon2) enforces
// the same number; password-rules.test.ts keeps the two equal.
export const MIN_PASSWORD_LENGTH = 10;
