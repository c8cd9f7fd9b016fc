import { describe, expect, it } from "vitest";
import { customerListQuery, customerListSchema, hasFilters, NO_TIER, parseCustomerListParams, tooShortSearch } from "./list-params";

describe("parseCustomerListParams (forgiving)", () => {
  it("gives defaults for an empty URL", () => {
    expect(parseCustomerListParams({})).toEqual({ sort: "lastSeen", dir: "desc", page: 1, pageSize: 25 });
  });

  it("keeps good values", () => {
    expect(parseCustomerListParams({ q: " ada ", tier: "Gold", pass: "installed", activity: "not_seen_60d", sort: "spend", dir: "asc", page: "3", size: "50" }))
      .toEqual({ q: "ada", tier: "Gold", pass: "installed", activity: "not_seen_60d", sort: "spend", dir: "asc", page: 3, pageSize: 50 });
  });

  it("drops bad values instead of failing", () => {
    const parsed = parseCustomerListParams({ pass: "maybe", activity: "DROP TABLE", sort: "password_hash", dir: "sideways", page: "-4", size: "100000" });
    expect(parsed).toEqual({ sort: "lastSeen", dir: "desc", page: 1, pageSize: 25 });
  });

  it("snaps page sizes to the offered choices and takes the first of repeated params", () => {
    expect(parseCustomerListParams({ size: "37" }).pageSize).toBe(25);
    expect(parseCustomerListParams({ size: "100" }).pageSize).toBe(100);
    expect(parseCustomerListParams({ page: ["2", "9"] }).page).toBe(2);
  });

  it("drops searches shorter than 3 characters and says so", () => {
    expect(parseCustomerListParams({ q: "al" }).q).toBeUndefined();
    expect(tooShortSearch({ q: " al " })).toBe("al");
    expect(tooShortSearch({ q: "ali" })).toBeNull();
    expect(customerListSchema.safeParse({ q: "al" }).success).toBe(false);
  });

  it("ignores blank search and non-numeric pages", () => {
    expect(parseCustomerListParams({ q: "   ", page: "two" })).toEqual({ sort: "lastSeen", dir: "desc", page: 1, pageSize: 25 });
  });
});

describe("customerListSchema (strict)", () => {
  it("refuses unknown keys, sort columns and oversized pages", () => {
    expect(customerListSchema.safeParse({ sort: "password_hash" }).success).toBe(false);
    expect(customerListSchema.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(customerListSchema.safeParse({ extra: 1 }).success).toBe(false);
    expect(customerListSchema.safeParse({ pageSize: 100, tier: NO_TIER }).success).toBe(true);
  });
});

describe("customerListQuery", () => {
  it("round-trips and leaves defaults out", () => {
    const params = parseCustomerListParams({ q: "a&b", tier: "Gold", sort: "name", dir: "asc", page: "2", size: "50" });
    const query = customerListQuery(params);
    expect(query).toBe("?q=a%26b&tier=Gold&sort=name&dir=asc&page=2&size=50");
    expect(parseCustomerListParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(params);
    expect(customerListQuery(parseCustomerListParams({}))).toBe("");
  });

  it("knows when filters are on", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ activity: "never" })).toBe(true);
  });
});
