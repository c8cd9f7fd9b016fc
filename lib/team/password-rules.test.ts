import { expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH as enforced } from "@/lib/auth/password";
import { MIN_PASSWORD_LENGTH as shown } from "./password-rules";

it("shows the password length the server enforces", () => {
  expect(shown).toBe(enforced);
});
