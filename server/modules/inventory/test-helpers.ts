import { and, eq, sql } from 'drizzle-orm';
import { outboxEvents } from '../../events/tables.js';
import type { Ctx } from '../../kernel/ctx.js';
import { createProduct } from '../catalog/index.js';
import { levels, movements, reservations } from './tables.js';

/** Test-only helpers: SKUs to count, and the ledger's own view of itself. */

export async function makeSkus(ctx: Ctx, n = 1): Promise<string[]> {
  const p = await createProduct(ctx, {
    name: `测试商品 ${Math.random().toString(36).slice(2, 8)}`,
    skus: Array.from({ length: n }, (_, i) => ({ spec: `规格${i + 1}`, unit: '个', priceFen: 100 * (i + 1) })),
  });
  return p.skus.map((s) => s.id);
}

export interface LedgerCheck {
  onHand: number;
  reserved: number;
  movedOnHand: number;
  movedReserved: number;
  activeHeld: number;
}

/** The cached level next to the SQL sums of its movements and active reservations. */
export async function ledgerCheck(ctx: Ctx, skuId: string): Promise<LedgerCheck> {
  const [level] = await ctx.db
    .select({ onHand: levels.onHand, reserved: levels.reserved })
    .from(levels)
    .where(and(eq(levels.storeId, ctx.storeId), eq(levels.skuId, skuId)));
  const [moved] = await ctx.db
    .select({
      onHand: sql<string>`coalesce(sum(${movements.onHandDelta}), 0)`,
      reserved: sql<string>`coalesce(sum(${movements.reservedDelta}), 0)`,
    })
    .from(movements)
    .where(and(eq(movements.storeId, ctx.storeId), eq(movements.skuId, skuId)));
  const [held] = await ctx.db
    .select({ qty: sql<string>`coalesce(sum(${reservations.qty}), 0)` })
    .from(reservations)
    .where(and(eq(reservations.storeId, ctx.storeId), eq(reservations.skuId, skuId), eq(reservations.status, 'active')));
  return {
    onHand: level?.onHand ?? 0,
    reserved: level?.reserved ?? 0,
    movedOnHand: Number(moved!.onHand),
    movedReserved: Number(moved!.reserved),
    activeHeld: Number(held!.qty),
  };
}

export async function countEvents(ctx: Ctx, type: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: sql<string>`count(*)` })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.storeId, ctx.storeId), eq(outboxEvents.type, type)));
  return Number(r!.n);
}
