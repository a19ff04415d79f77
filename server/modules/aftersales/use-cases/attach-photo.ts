import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import { detectImageKind, MAX_IMAGE_BYTES, removeImage, saveImage } from '../../../http/images.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { afterSalesTickets } from '../tables.js';
import { findTicket, type TicketRow } from '../ticket.repo.js';

/**
 * The neighbour adds (or replaces) the photo of their open ticket. The type comes from the
 * file's first bytes; the file is written first and removed again if the ticket cannot take it.
 */
export async function attachPhoto(ctx: Ctx, photoDir: string, ticketId: string, bytes: Buffer): Promise<TicketRow> {
  const kind = detectImageKind(bytes);
  if (!kind || bytes.length > MAX_IMAGE_BYTES) throw new AppError('IMAGE_INVALID', { bytes: bytes.length });
  const file = await saveImage(photoDir, bytes, kind);
  try {
    const { row, old } = await inTx(ctx, async (tx) => {
      const t = await findTicket(tx, ticketId, true);
      if (ctx.actor.kind !== 'customer' || t.customerId !== ctx.actor.customerId) throw new AppError('AFTER_SALES_NOT_FOUND', { ticketId });
      if (t.status !== 'open') throw new AppError('AFTER_SALES_STATE_INVALID', { status: t.status });
      const [saved] = await tx.db.update(afterSalesTickets).set({ photo: file, updatedAt: tx.clock.now() }).where(eq(afterSalesTickets.id, t.id)).returning();
      await emit(tx, 'aftersales.photo_added', { ticketId: t.id });
      return { row: saved!, old: t.photo };
    });
    if (old) await removeImage(photoDir, old);
    return row;
  } catch (e) {
    await removeImage(photoDir, file);
    throw e;
  }
}
