/**
 * The live room: presence (heartbeats → viewers now, peak, unique, watch time), chat with limits
 * and moderation, likes, pins, giveaways, and the after-show figures. Other parts of the live
 * module (commerce) use it through this file.
 */
export { presentViewers, viewersNow, PRESENCE_WINDOW_MS } from './presence.repo.js';
