/**
 * Shortage allocation, first come first served: the arrived quantity of one campaign SKU fills
 * the paid presale order lines in the order they were placed; the first line that does not fit
 * is filled in part, the rest get nothing. Pure: the use case applies it through ports.
 */

export interface PresaleDemandLine {
  orderId: string;
  lineId: string;
  qty: number;
  createdAt: Date;
}

export type AllocationOutcome = 'filled' | 'partial' | 'short';

export interface AllocatedLine extends PresaleDemandLine {
  filledQty: number;
  missingQty: number;
  outcome: AllocationOutcome;
}

export interface Allocation {
  lines: AllocatedLine[];
  allocatedQty: number;
  shortQty: number;
  /** arrived beyond all demand: stays on the shelf for the POS and the shop */
  surplusQty: number;
}

/** Earlier first; ties broken by order and line id so the same input always allocates the same. */
function firstCome(a: PresaleDemandLine, b: PresaleDemandLine): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.orderId.localeCompare(b.orderId) || a.lineId.localeCompare(b.lineId);
}

export function allocateFirstCome(demand: PresaleDemandLine[], receivedQty: number): Allocation {
  if (!Number.isSafeInteger(receivedQty) || receivedQty < 0) throw new RangeError(`received must be a whole number ≥ 0, got ${receivedQty}`);
  let left = receivedQty;
  const lines = [...demand].sort(firstCome).map((l): AllocatedLine => {
    const filledQty = Math.min(l.qty, left);
    left -= filledQty;
    const missingQty = l.qty - filledQty;
    const outcome: AllocationOutcome = missingQty === 0 ? 'filled' : filledQty > 0 ? 'partial' : 'short';
    return { ...l, filledQty, missingQty, outcome };
  });
  const allocatedQty = receivedQty - left;
  return { lines, allocatedQty, shortQty: lines.reduce((s, l) => s + l.missingQty, 0), surplusQty: left };
}
