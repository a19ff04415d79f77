import { insertJsonRows } from '../../../db/json-rows.js';
import { emitMany } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { getCustomers, normalisePhone } from '../../customers/index.js';
import type { NotificationTemplate } from '../contract.js';
import { senderOf } from '../notification.repo.js';
import { messages } from '../tables.js';
import { renderMessage } from '../templates.js';
import type { NotifyInput } from './notify.js';

/**
 * `notify` for many messages at once, in the caller's transaction (set-based use cases such as a
 * flash-sale batch): the same rows and events as one `notify` each, written with one customer
 * look-up, one message insert and one event insert.
 */
export async function notifyMany<T extends NotificationTemplate>(ctx: Ctx, list: Array<NotifyInput<T>>): Promise<Array<{ messageId: string }>> {
  if (!ctx.inTx) throw new Error('notifyMany must run inside a transaction');
  if (list.length === 0) return [];
  const lookUp = list.filter((m) => !m.to.phone && m.to.customerId).map((m) => m.to.customerId!);
  const found = await getCustomers(ctx, lookUp);
  const sender = await senderOf(ctx);
  const now = ctx.clock.now();
  const rows = list.map((m) => {
    const customerId = m.to.customerId ?? null;
    const phone = m.to.phone ? normalisePhone(m.to.phone) : customerId ? (found.get(customerId)?.phone ?? null) : null;
    return {
      id: newId(),
      orgId: ctx.orgId,
      storeId: ctx.storeId,
      customerId,
      phone: phone ?? '',
      template: m.template,
      params: m.params,
      body: renderMessage(m.template, m.params, sender),
      status: phone ? ('queued' as const) : ('failed' as const),
      lastError: phone ? null : 'no mobile number for this recipient',
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  await ctx.db.execute(insertJsonRows(messages, rows));
  await emitMany(
    ctx,
    rows.filter((r) => r.status === 'queued').map((r) => ({ type: 'notification.queued' as const, payload: { messageId: r.id, template: r.template, customerId: r.customerId } })),
  );
  return rows.map((r) => ({ messageId: r.id }));
}
