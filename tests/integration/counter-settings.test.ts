// Settings the counter reads (issue #13): rewards catalogue, locations, pass serial format.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCustomer } from "@/lib/customers/create";
import { recordManualEvent } from "@/lib/events/manual";
import { addLocation, listManagedLocations, renameLocation, setLocationArchived } from "@/lib/locations/manage";
import { listLocations } from "@/lib/locations/queries";
import { addReward, listRewards, updateReward } from "@/lib/rewards/catalogue";
import { getPassSerialFormat, savePassSerialFormat } from "@/lib/settings/business";
import { createContext, createUser } from "../support/factories";

async function customerWithPoints(context: Awaited<ReturnType<typeof createContext>>, points: number) {
  return db.customer.create({ data: { merchantId: context.merchantId, name: "Ada", passSerial: `S-${Math.random()}`, pass: { create: { pointsBalance: points } } } });
}

describe("rewards catalogue", () => {
  it("staff redeem a catalogue reward by id; only managers may type one; inactive ones are refused", async () => {
    const owner = await createContext("owner");
    const staffUser = await createUser(owner.merchantId, "staff");
    const staff = { ...owner, user: { id: staffUser.id, name: staffUser.name, email: staffUser.email, role: staffUser.role } };
    const manager = { ...owner, user: { ...owner.user, role: "manager" as const } };
    const customer = await customerWithPoints(owner, 500);

    // An empty catalogue: anyone types the reward.
    expect(await recordManualEvent(staff, { customerId: customer.id, type: "redemption", data: { reward: "Mug", pointsCost: "10" } })).toMatchObject({ status: "created" });

    const coffee = await addReward(owner, { name: "Free Coffee", pointsCost: 100 });
    await expect(addReward(owner, { name: "Free Coffee", pointsCost: 5 })).rejects.toMatchObject({ code: "conflict", path: "name" });
    await expect(addReward(owner, { name: "Nothing", pointsCost: 0 })).rejects.toThrow("at least 1 point");

    const picked = await recordManualEvent(staff, { customerId: customer.id, type: "redemption", rewardId: coffee.id, data: { reward: "ignored", pointsCost: "1" }, confirmDuplicate: true });
    expect(picked).toMatchObject({ status: "created", event: { points: -100, data: { reward: "Free Coffee", pointsCost: 100 } }, pass: { pointsBalance: 390 } });
    const typed = { customerId: customer.id, type: "redemption" as const, data: { reward: "Birthday cake", pointsCost: "20" } };
    expect(await recordManualEvent(staff, typed)).toMatchObject({ status: "error", error: { path: "data.reward" } });
    expect(await recordManualEvent(manager, { ...typed, confirmDuplicate: true })).toMatchObject({ status: "created" });

    await updateReward(owner, { rewardId: coffee.id, name: "Free Coffee", pointsCost: 100, active: false });
    expect(await listRewards(owner, { activeOnly: true })).toEqual([]);
    expect(await recordManualEvent(staff, { customerId: customer.id, type: "redemption", rewardId: coffee.id, confirmDuplicate: true })).toMatchObject({ status: "error", error: { path: "data.reward" } });

    // Another merchant's reward is unknown here.
    const other = await createContext("owner");
    const foreign = await addReward(other, { name: "Free Coffee", pointsCost: 1 });
    await expect(updateReward(owner, { rewardId: foreign.id, name: "x", pointsCost: 1, active: true })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("locations", () => {
  it("owners add, rename and archive; archived ones stay on past events but are not offered", async () => {
    const context = await createContext("owner");
    const customer = await customerWithPoints(context, 0);
    const downtown = await addLocation(context, { name: "Downtown" });
    await expect(addLocation(context, { name: "Downtown" })).rejects.toMatchObject({ path: "name" });
    const visit = await recordManualEvent(context, { customerId: customer.id, type: "visit", locationId: downtown.id });
    expect(visit).toMatchObject({ status: "created", event: { location: "Downtown" } });

    await renameLocation(context, { locationId: downtown.id, name: "Main Street" });
    await setLocationArchived(context, { locationId: downtown.id, archived: true });
    expect(await listLocations(context)).toEqual([]);
    const [managed] = await listManagedLocations(context);
    expect(managed).toMatchObject({ name: "Main Street", events: 1 });
    expect(managed?.archivedAt).toBeInstanceOf(Date);
    const event = await db.event.findFirstOrThrow({ where: { merchantId: context.merchantId, customerId: customer.id }, include: { location: true } });
    expect(event.location?.name).toBe("Main Street");
    expect(await recordManualEvent(context, { customerId: customer.id, type: "visit", locationId: downtown.id, confirmDuplicate: true })).toMatchObject({ status: "error", error: { path: "location" } });

    await setLocationArchived(context, { locationId: downtown.id, archived: false });
    expect((await listLocations(context)).map((l) => l.name)).toEqual(["Main Street"]);
    const other = await createContext("owner");
    await expect(setLocationArchived(other, { locationId: downtown.id, archived: true })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("pass serial format", () => {
  it("new customers follow the merchant's prefix and length", async () => {
    const context = await createContext("owner");
    expect(await getPassSerialFormat(context)).toEqual({ prefix: "PC", length: 10 });
    await expect(savePassSerialFormat(context, { prefix: "b-b", length: 8 })).rejects.toThrow();
    await expect(savePassSerialFormat(context, { prefix: "BB", length: 3 })).rejects.toThrow("At least 6");
    expect(await savePassSerialFormat(context, { prefix: "bb", length: "8" })).toEqual({ prefix: "BB", length: 8 });
    const customer = await createCustomer(context, { name: "Neo" });
    expect(customer.passSerial).toMatch(/^BB-[A-HJ-NP-Z2-9]{8}$/);
  });
});
