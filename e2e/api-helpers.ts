// Shared bits of the POS API specs. Specs use their own merchant's key (e2e/factories.ts); the demo
// key is for the few specs about the server itself, where whose key it is does not matter.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

/** Brew & Bean's demo key (loaded by the demo seed). */
export const BREW_KEY = "pc_demo_brewbean_0123456789abcdef";

export const auth = (key: string) => ({ authorization: `Bearer ${key}` });

export function uniqueSerial(label: string): string {
  return `E2E-${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`.toUpperCase();
}

/** A fresh customer of the key's merchant, created through the API itself (createCustomer). */
export async function createCustomerViaApi(request: APIRequestContext, serial: string, key: string) {
  const response = await request.post("/api/v1/events", {
    headers: auth(key),
    data: { type: "pass_installed", customer: { passSerial: serial, name: "E2E Customer" }, createCustomer: true, data: { platform: "apple" } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { event: { customerId: string } }).event.customerId;
}

export async function errorOf(response: APIResponse): Promise<{ status: number; code?: string; path?: string }> {
  const body = (await response.json()) as { error?: { code: string; path?: string } };
  return { status: response.status(), code: body.error?.code, path: body.error?.path };
}

export async function eventsOf(request: APIRequestContext, customer: string, key: string) {
  const response = await request.get(`/api/v1/events?customer=${encodeURIComponent(customer)}&limit=200`, { headers: auth(key) });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { id: string; type: string; idempotencyKey: string | null }[] }).data;
}
