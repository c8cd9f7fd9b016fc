import "server-only";
// Saved segments: create, change, duplicate, delete (refused while another segment uses it), and
// the list with current counts and the daily size snapshots. Managers and owners only.
import type { MerchantContext, MerchantScope } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { localDate } from "@/lib/time";
import { parseDefinition, referencedSegmentIds, type SegmentDefinition } from "./definition";
import { compileFor, countMembers, loadCompileEnv, totalCustomers } from "./evaluate";
import type { CompileWarning } from "./compile";

export const SEGMENT_NAME_MAX = 80;
export const SEGMENT_DESCRIPTION_MAX = 500;

export interface SavedSegment {
  id: string;
  name: string;
  description: string;
  definition: SegmentDefinition;
  createdAt: Date;
  updatedAt: Date;
}

function requireManager(context: MerchantContext) {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can change segments.");
}

const actor = (context: MerchantContext) => ({ merchantId: context.merchantId, userId: context.user.id, label: context.user.name });

function validDefinition(input: unknown): SegmentDefinition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new AppError("validation_error", parsed.message, { path: parsed.path });
  return parsed.definition;
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError("validation_error", "Give the segment a name.", { path: "name" });
  if (trimmed.length > SEGMENT_NAME_MAX) throw new AppError("validation_error", `Names have at most ${SEGMENT_NAME_MAX} characters.`, { path: "name" });
  return trimmed;
}

function nameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function toSaved(row: { id: string; name: string; description: string; definition: unknown; createdAt: Date; updatedAt: Date }): SavedSegment {
  const parsed = parseDefinition(row.definition);
  // A stored definition was valid when saved; one that no longer parses counts nobody.
  return { ...row, definition: parsed.ok ? parsed.definition : { kind: "group", match: "all", negate: true, conditions: [] } };
}

export async function getSegment(scope: MerchantScope, id: string): Promise<SavedSegment> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("That segment");
  const row = await db.segment.findFirst({ where: { id, merchantId: scope.merchantId }, select: { id: true, name: true, description: true, definition: true, createdAt: true, updatedAt: true } });
  if (!row) throw notFound("That segment");
  return toSaved(row);
}

/** Compiling with the segment's own id refuses a member-of loop back to it (AppError VALIDATION). */
async function checkCompiles(scope: MerchantScope, definition: SegmentDefinition, selfId?: string): Promise<void> {
  compileFor(await loadCompileEnv(scope), definition, selfId);
}

export async function createSegment(context: MerchantContext, input: { name: string; description?: string; definition: unknown }): Promise<SavedSegment> {
  requireManager(context);
  const definition = validDefinition(input.definition);
  const name = validName(input.name);
  await checkCompiles(context, definition);
  try {
    const row = await db.segment.create({
      data: { merchantId: context.merchantId, name, description: (input.description ?? "").trim().slice(0, SEGMENT_DESCRIPTION_MAX), definition: definition as unknown as Prisma.InputJsonObject, createdById: context.user.id },
    });
    await writeAudit(actor(context), { action: "segment.created", targetType: "segment", targetId: row.id, details: { name } });
    return toSaved(row);
  } catch (error) {
    if (nameTaken(error)) throw new AppError("conflict", `A segment called “${name}” already exists. Choose another name.`, { path: "name" });
    throw error;
  }
}

export async function updateSegment(context: MerchantContext, id: string, input: { name?: string; description?: string; definition?: unknown }): Promise<SavedSegment> {
  requireManager(context);
  const current = await getSegment(context, id);
  const definition = input.definition === undefined ? undefined : validDefinition(input.definition);
  if (definition) await checkCompiles(context, definition, id);
  const name = input.name === undefined ? undefined : validName(input.name);
  try {
    await db.segment.updateMany({
      where: { id, merchantId: context.merchantId },
      data: {
        ...(name !== undefined ? { name } : {}),
        ...(input.description !== undefined ? { description: input.description.trim().slice(0, SEGMENT_DESCRIPTION_MAX) } : {}),
        ...(definition ? { definition: definition as unknown as Prisma.InputJsonObject } : {}),
      },
    });
  } catch (error) {
    if (nameTaken(error)) throw new AppError("conflict", `A segment called “${name}” already exists. Choose another name.`, { path: "name" });
    throw error;
  }
  if (name !== undefined && name !== current.name) await writeAudit(actor(context), { action: "segment.renamed", targetType: "segment", targetId: id, details: { from: current.name, to: name } });
  return getSegment(context, id);
}

export async function duplicateSegment(context: MerchantContext, id: string): Promise<SavedSegment> {
  requireManager(context);
  const source = await getSegment(context, id);
  const names = new Set((await db.segment.findMany({ where: { merchantId: context.merchantId }, select: { name: true } })).map((s) => s.name));
  let name = `${source.name} (copy)`.slice(0, SEGMENT_NAME_MAX);
  for (let i = 2; names.has(name); i++) name = `${source.name} (copy ${i})`.slice(0, SEGMENT_NAME_MAX);
  return createSegment(context, { name, description: source.description, definition: source.definition });
}

/** The saved segments whose definitions name this one (member of / not member of). */
export async function segmentDependants(scope: MerchantScope, id: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.segment.findMany({ where: { merchantId: scope.merchantId, NOT: { id } }, select: { id: true, name: true, definition: true }, orderBy: { name: "asc" } });
  return rows.filter((r) => {
    const parsed = parseDefinition(r.definition);
    return parsed.ok && referencedSegmentIds(parsed.definition).includes(id);
  }).map(({ id: depId, name }) => ({ id: depId, name }));
}

export async function deleteSegment(context: MerchantContext, id: string): Promise<void> {
  requireManager(context);
  const segment = await getSegment(context, id);
  const dependants = await segmentDependants(context, id);
  if (dependants.length) {
    throw new AppError("conflict", `“${segment.name}” is used by ${dependants.map((d) => `“${d.name}”`).join(", ")}. Change ${dependants.length === 1 ? "that segment" : "those segments"} first.`);
  }
  await db.segment.deleteMany({ where: { id, merchantId: context.merchantId } });
  await writeAudit(actor(context), { action: "segment.deleted", targetType: "segment", targetId: id, details: { name: segment.name } });
}

export interface SegmentSummary extends SavedSegment {
  count: number;
  warnings: CompileWarning[];
  /** Daily sizes, oldest first (merchant-local days). */
  history: { day: string; count: number }[];
}

/** Every saved segment with its current count (computed now) and the last 30 daily snapshots. */
export async function listSegments(scope: MerchantScope): Promise<{ segments: SegmentSummary[]; totalCustomers: number }> {
  const rows = await db.segment.findMany({ where: { merchantId: scope.merchantId }, orderBy: { name: "asc" }, select: { id: true, name: true, description: true, definition: true, createdAt: true, updatedAt: true } });
  const env = await loadCompileEnv(scope);
  const snapshots = await db.segmentSnapshot.findMany({
    where: { merchantId: scope.merchantId, day: { gte: new Date(Date.now() - 31 * 86_400_000) } },
    orderBy: { day: "asc" }, select: { segmentId: true, day: true, count: true },
  });
  const segments: SegmentSummary[] = [];
  for (const row of rows) {
    const saved = toSaved(row);
    let run: ReturnType<typeof compileFor>;
    try {
      run = compileFor(env, saved.definition, saved.id);
    } catch (error) {
      // A member-of loop can only come from data written around the checks; show it, count nobody.
      if (!(error instanceof AppError)) throw error;
      segments.push({ ...saved, count: 0, warnings: [{ path: error.path ?? "", message: error.message }], history: [] });
      continue;
    }
    segments.push({
      ...saved,
      count: await countMembers(run),
      warnings: run.compiled.warnings,
      history: snapshots.filter((s) => s.segmentId === row.id).map((s) => ({ day: s.day.toISOString().slice(0, 10), count: s.count })),
    });
  }
  return { segments, totalCustomers: await totalCustomers(scope) };
}

/** Today in the merchant's zone, as the snapshot job and the list agree on it. */
export const snapshotDay = (scope: MerchantScope, now = new Date()) => localDate(now, scope.merchant.timeZone);

/** Names of the merchant's saved segments, for the builder's member-of choice. */
export async function segmentNames(scope: MerchantScope, exceptId?: string): Promise<{ id: string; name: string }[]> {
  return db.segment.findMany({ where: { merchantId: scope.merchantId, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
