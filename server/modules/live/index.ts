/** Live selling — video part: stream keys, shows and their video lifecycle (server/media runs the video). */
import './events.js';
export { registerLiveRoutes } from './routes.js';
export { LiveVideo, type LiveVideoDeps } from './video.js';
export type { LiveGrant } from './stream-key.repo.js';
export * from './contract.js';
export { registerLiveCommerce, showSalesStats, FlashSaleEngine, type LiveCommercePorts } from './commerce/index.js';
export type { PresalePort, PresaleSummary, PresaleJoinInput, PresaleOrder, PresencePort } from './ports.js';
export { registerLiveRoom, ROOM_LIKES_JOB, ROOM_PRESENCE_JOB } from './room/register.js';
export { presentViewers } from './room/index.js';
