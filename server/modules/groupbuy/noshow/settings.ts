import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { GroupbuySettings } from '../contract.js';
import { gbSettings } from '../tables.js';
import { DEFAULT_GRACE_DAYS } from './schedule.js';

export async function getGroupbuySettings(ctx: Ctx): Promise<GroupbuySettings> {
  const [row] = await ctx.db.select().from(gbSettings).where(eq(gbSettings.storeId, ctx.storeId));
  return { noShowGraceDays: row?.noShowGraceDays ?? DEFAULT_GRACE_DAYS };
}

export async function setGroupbuySettings(ctx: Ctx, s: GroupbuySettings): Promise<GroupbuySettings> {
  const now = ctx.clock.now();
  await ctx.db
    .insert(gbSettings)
    .values({ storeId: ctx.storeId, orgId: ctx.orgId, noShowGraceDays: s.noShowGraceDays, updatedAt: now })
    .onConflictDoUpdate({ target: gbSettings.storeId, set: { noShowGraceDays: s.noShowGraceDays, updatedAt: now } });
  return getGroupbuySettings(ctx);
}
