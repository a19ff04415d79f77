/** Live selling — video part: stream keys, shows and their video lifecycle (server/media runs the video). */
import './events.js';
export { registerLiveRoutes } from './routes.js';
export { LiveVideo, type LiveVideoDeps } from './video.js';
export type { LiveGrant } from './stream-key.repo.js';
export * from './contract.js';
