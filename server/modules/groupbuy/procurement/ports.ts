import type { Ctx } from '../../../kernel/ctx.js';
import type { AllocatedLine, PresaleDemandLine } from './allocate.js';

/**
 * What procurement needs of the campaign core to hand arrived goods to presale orders. The
 * campaign module implements these and app.ts passes them in, so procurement never imports
 * the campaign (or orders). Every call runs in the receipt's transaction (`ctx.inTx`): if one
 * throws, the receipt, its stock and the allocation are all rolled back.
 */
export interface AllocationPorts {
  /** the campaign's paid and pay-at-pickup presale order lines for one SKU (any order; procurement sorts first-come) */
  listPresaleDemand(ctx: Ctx, campaignId: string, skuId: string): Promise<PresaleDemandLine[]>;
  /**
   * `qty` of the line's quantity arrived for it (all of it, or part when `line.outcome` is
   * 'partial'). Expected: reserve that stock for the order; mark the order ready once all of
   * its lines are settled.
   */
  onFilled(ctx: Ctx, line: AllocatedLine, qty: number): Promise<void>;
  /**
   * `missingQty` of the line will not come. Expected: partial refund of it and a notice to the
   * buyer (an unpaid pay-at-pickup order owes less instead).
   */
  onShort(ctx: Ctx, line: AllocatedLine, missingQty: number): Promise<void>;
}
