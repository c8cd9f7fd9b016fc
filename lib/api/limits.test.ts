import { expect, it } from "vitest";
import { MAX_BATCH } from "@/lib/events/record";
import { API_MAX_BATCH } from "./limits";

it("publishes the same batch limit recordEvents enforces", () => {
  expect(API_MAX_BATCH).toBe(MAX_BATCH);
});
