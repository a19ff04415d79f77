import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { getCustomers, normalisePhone } from '../../customers/index.js';
import type { NotificationTemplate } from '../contract.js';
import { senderOf } from '../notification.repo.js';
import { messages } from '../tables.js';
import { renderMessage, type TemplateParams } from '../templates.js';
import '../events.js';

export type Recipient = { customerId: string; phone?: string } | { customerId?: string; phone: string };

export interface NotifyInput<T extends NotificationTemplate> {
  to: Recipient;
  template: T;
  params: TemplateParams[T];
}

/**
 * Puts a message to a neighbour in the outbox, in the caller's transaction: a change that rolls
 * back sends nothing. Delivery happens after commit. A customer without a usable phone gets a
 * failed message (visible on the outbox page) rather than failing the caller's change.
 */
export async function notify<T extends NotificationTemplate>(ctx: Ctx, m: NotifyInput<T>): Promise<{ messageId: string }> {
  return inTx(ctx, async (tx) => {
    const customerId = m.to.customerId ?? null;
    let phone = m.to.phone ? normalisePhone(m.to.phone) : null;
    if (!phone && customerId) phone = (await getCustomers(tx, [customerId])).get(customerId)?.phone ?? null;
    const now = tx.clock.now();
    const id = newId();
    await tx.db.insert(messages).values({
      id,
      orgId: tx.orgId,
      storeId: tx.storeId,
      customerId,
      phone: phone ?? '',
      template: m.template,
      params: m.params,
      body: renderMessage(m.template, m.params, await senderOf(tx)),
      status: phone ? 'queued' : 'failed',
      lastError: phone ? null : 'no mobile number for this recipient',
      nextAttemptAt: now,
      createdAt: now,
    });
    if (phone) await emit(tx, 'notification.queued', { messageId: id, template: m.template, customerId });
    return { messageId: id };
  });
}
