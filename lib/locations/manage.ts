import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const locationNameSchema = z.string().trim().min(1, "Give the location a name").max(60, "At most 60 characters");

export interface ManagedLocation {
  id: string;
  name: string;
  archivedAt: Date | null;
  events: number;
}

/** Every location, archived ones last, with how many events name it (Settings → Locations). */
export async function listManagedLocations(context: MerchantContext): Promise<ManagedLocation[]> {
  const rows = await db.location.findMany({
    where: { merchantId: context.merchantId },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, archivedAt: true },
  });
  const counts = await db.dailyRollup.groupBy({
    by: ["locationKey"],
    where: { merchantId: context.merchantId, locationKey: { in: rows.map((r) => r.id) } },
    _sum: { count: true },
  });
  const byId = new Map(counts.map((c) => [c.locationKey, c._sum.count ?? 0]));
  return rows.map((r) => ({ ...r, events: byId.get(r.id) ?? 0 }));
}

const actor = (context: MerchantContext) => ({ merchantId: context.merchantId, userId: context.user.id, label: context.user.name });

function taken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
const TAKEN_MESSAGE = "There is already a location with this name";

export async function addLocation(context: MerchantContext, input: { name: string }): Promise<{ id: string; name: string }> {
  const name = locationNameSchema.parse(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const location = await tx.location.create({ data: { merchantId: context.merchantId, name }, select: { id: true, name: true } });
      await writeAudit(actor(context), { action: "location.added", targetType: "location", targetId: location.id, details: { name } }, tx);
      return location;
    });
  } catch (error) {
    if (taken(error)) throw new AppError("CONFLICT", TAKEN_MESSAGE, { path: "name" });
    throw error;
  }
}

/** Renaming keeps the id, so past events show the new name. */
export async function renameLocation(context: MerchantContext, input: { locationId: string; name: string }): Promise<void> {
  const name = locationNameSchema.parse(input.name);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.location.findFirst({ where: { merchantId: context.merchantId, id: input.locationId }, select: { name: true } });
      if (!before) throw new AppError("NOT_FOUND", "Location not found");
      await tx.location.update({ where: { merchantId_id: { merchantId: context.merchantId, id: input.locationId } }, data: { name } });
      await writeAudit(actor(context), { action: "location.renamed", targetType: "location", targetId: input.locationId, details: { from: before.name, to: name } }, tx);
    });
  } catch (error) {
    if (taken(error)) throw new AppError("CONFLICT", TAKEN_MESSAGE, { path: "name" });
    throw error;
  }
}

/** Archived locations stay on past events and in reports; the counter no longer offers them. */
export async function setLocationArchived(context: MerchantContext, input: { locationId: string; archived: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.location.updateMany({
      where: { merchantId: context.merchantId, id: input.locationId },
      data: { archivedAt: input.archived ? new Date() : null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Location not found");
    await writeAudit(actor(context), { action: input.archived ? "location.archived" : "location.restored", targetType: "location", targetId: input.locationId }, tx);
  });
  if (input.archived) {
    // Nobody's counter keeps defaulting to it.
    await db.user.updateMany({ where: { merchantId: context.merchantId, lastLocationId: input.locationId }, data: { lastLocationId: null } });
  }
}
