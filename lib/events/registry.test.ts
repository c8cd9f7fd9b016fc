import { describe, expect, it } from "vitest";
import { EventSource, EventType } from "@/lib/generated/prisma/enums";
import { DATA_FIELD_LABELS, EVENT_REGISTRY, EVENT_SOURCES, EVENT_TYPES } from "./registry";

describe("the event registry", () => {
  it("lists exactly the database's event types and sources", () => {
    expect([...EVENT_TYPES].sort()).toEqual(Object.values(EventType).sort());
    expect([...EVENT_SOURCES].sort()).toEqual(Object.values(EventSource).sort());
  });

  it("gives every data field one label, whichever types share it", () => {
    for (const type of EVENT_TYPES) {
      for (const field of EVENT_REGISTRY[type].fields) expect(DATA_FIELD_LABELS[field.key]).toBe(field.label);
    }
  });
});
