/**
 * Inventory: the stock ledger. Levels (on hand, reserved) change only together with an
 * append-only movement and an outbox event, in the caller's transaction when there is one.
 */
import './events.js';

export { registerInventoryRoutes } from './routes.js';
export { releaseExpiredJob } from './jobs.js';
export { reserveStock as reserve, type ReserveInput } from './use-cases/reserve-stock.js';
export { reserveMany, type ReserveManyLine, type ReserveManyResult } from './use-cases/reserve-many.js';
export { releaseReservation as release } from './use-cases/release-reservation.js';
export { releaseMany } from './use-cases/release-many.js';
export { commitReservation as commit } from './use-cases/commit-reservation.js';
export { reopenReservation as reopen } from './use-cases/reopen-reservation.js';
export { setReservationExpiry } from './use-cases/set-reservation-expiry.js';
export { receiveStock as receive } from './use-cases/receive-stock.js';
export { recordLoss as loss } from './use-cases/record-loss.js';
export { adjustStock as adjust } from './use-cases/adjust-stock.js';
export { returnStock } from './use-cases/return-stock.js';
export { releaseExpiredReservations, RELEASE_EXPIRED_JOB } from './use-cases/release-expired-reservations.js';
export { getLevels } from './ledger.repo.js';
export * from './contract.js';
