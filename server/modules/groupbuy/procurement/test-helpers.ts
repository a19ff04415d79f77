import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { createProduct, createSupplier } from '../../catalog/index.js';
import type { PresaleDemandLine } from './allocate.js';
import type { AllocationPorts } from './ports.js';

/** Test-only: a supplier with two SKUs (case packs 12 and 1) and one SKU without a supplier. */
export async function makeCatalog(ctx: Ctx) {
  const supplier = await createSupplier(ctx, { name: '绿源果蔬', casePackDefault: 1 });
  const p = await createProduct(ctx, {
    name: '阳光玫瑰葡萄',
    skus: [
      { spec: '500g/盒', unit: '盒', priceFen: 2990, supplierId: supplier.id, casePack: 12 },
      { spec: '单串', unit: '串', priceFen: 1590, supplierId: supplier.id, casePack: 1 },
    ],
  });
  const loose = await createProduct(ctx, { name: '土鸡蛋', skus: [{ spec: '10枚', unit: '盒', priceFen: 1800, casePack: 5 }] });
  return { supplier, grapeBox: p.skus[0]!.id, grapeBunch: p.skus[1]!.id, eggs: loose.skus[0]!.id };
}

/**
 * Test doubles of the campaign's callbacks only: the demand is given, and each callback is
 * recorded; `onFilledDo` lets a test do the real thing (reserve stock) through the ledger.
 */
export function recordingPorts(demand: PresaleDemandLine[], onFilledDo?: (ctx: Ctx, lineId: string, qty: number) => Promise<void>) {
  const filled: Array<[string, number]> = [];
  const short: Array<[string, number]> = [];
  const ports: AllocationPorts = {
    listPresaleDemand: async () => demand,
    onFilled: async (ctx, line, qty) => {
      filled.push([line.lineId, qty]);
      await onFilledDo?.(ctx, line.lineId, qty);
    },
    onShort: async (_ctx, line, missing) => void short.push([line.lineId, missing]),
  };
  return { ports, filled, short };
}

export function presaleLine(qty: number, minute: number): PresaleDemandLine {
  return { orderId: newId(), lineId: newId(), qty, createdAt: new Date(Date.UTC(2026, 10, 24, 20, minute)) };
}
