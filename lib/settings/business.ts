import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { passSerialFormatSchema, type PassSerialFormat } from "@/lib/customers/serials";

export const businessSettingsSchema = passSerialFormatSchema;

export async function getPassSerialFormat(context: MerchantContext): Promise<PassSerialFormat> {
  const m = await db.merchant.findUniqueOrThrow({ where: { id: context.merchantId }, select: { passSerialPrefix: true, passSerialLength: true } });
  return { prefix: m.passSerialPrefix, length: m.passSerialLength };
}

/** The format of new customers' pass serials; passes already issued keep theirs. */
export async function savePassSerialFormat(context: MerchantContext, input: unknown): Promise<PassSerialFormat> {
  const data = passSerialFormatSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: context.merchantId }, select: { passSerialPrefix: true, passSerialLength: true } });
    await tx.merchant.update({ where: { id: context.merchantId }, data: { passSerialPrefix: data.prefix, passSerialLength: data.length } });
    await writeAudit(
      { merchantId: context.merchantId, userId: context.user.id, label: context.user.name },
      { action: "business.serial_format", targetType: "merchant", targetId: context.merchantId, details: { from: { prefix: before.passSerialPrefix, length: before.passSerialLength }, to: data } },
      tx,
    );
    return data;
  });
}
