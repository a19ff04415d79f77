import { HOUR } from '../../../kernel/clock.js';
import type { VerificationView } from '../contract.js';
import type { VerificationRow } from './pickup.repo.js';

/** A verification can be undone for an hour (Douyin's window), at most 10 times per order (WeChat's cap). */
export const UNDO_WINDOW_MS = HOUR;
export const MAX_UNDOS_PER_ORDER = 10;

export function presentVerification(v: VerificationRow): VerificationView {
  return {
    id: v.id,
    orderId: v.orderId,
    requestId: v.requestId,
    staffId: v.staffId,
    device: v.device,
    collectedFen: v.collectedFen,
    verifiedAt: v.verifiedAt.toISOString(),
    undoneAt: v.undoneAt ? v.undoneAt.toISOString() : null,
    undoneBy: v.undoneBy,
    undoUntil: new Date(v.verifiedAt.getTime() + UNDO_WINDOW_MS).toISOString(),
  };
}
