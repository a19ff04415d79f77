/** Pickup (核销): codes, verification at the counter, undo. Part of the orders module. */
export { registerPickupRoutes } from './routes.js';
export { lookupPickup } from './use-cases/lookup-pickup.js';
export { verifyPickup } from './use-cases/verify-pickup.js';
export { undoVerification } from './use-cases/undo-verification.js';
export { MAX_UNDOS_PER_ORDER, UNDO_WINDOW_MS } from './present.js';
export { MAX_MISSES_PER_STAFF, MAX_MISSES_PER_STORE, MISS_WINDOW_MS } from './guard.js';
