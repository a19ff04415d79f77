import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { reservations } from './tables.js';

export type ReservationRow = typeof reservations.$inferSelect;

/**
 * Locks a reservation of the ctx's store for a state change. Every state change locks the
 * reservation before the level, so two writers never wait on each other crosswise.
 */
export async function lockReservation(ctx: Ctx, reservationId: string): Promise<ReservationRow> {
  const [row] = await ctx.db
    .select()
    .from(reservations)
    .where(and(eq(reservations.storeId, ctx.storeId), eq(reservations.id, reservationId)))
    .for('update');
  if (!row) throw new AppError('RESERVATION_NOT_FOUND', { reservationId });
  return row;
}

export async function updateReservation(
  ctx: Ctx,
  reservationId: string,
  change: Partial<Pick<ReservationRow, 'status' | 'qty' | 'expiresAt'>>,
): Promise<void> {
  await ctx.db
    .update(reservations)
    .set({ ...change, updatedAt: sql`now()` })
    .where(and(eq(reservations.storeId, ctx.storeId), eq(reservations.id, reservationId)));
}

/**
 * The next active reservation past its expiry, locked; one another worker holds is skipped, so
 * two runs of the expiry job never release the same reservation.
 */
export async function lockNextExpired(db: Db, now: Date): Promise<ReservationRow | null> {
  const [row] = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.status, 'active'), isNotNull(reservations.expiresAt), lte(reservations.expiresAt, now)))
    .orderBy(asc(reservations.expiresAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}
