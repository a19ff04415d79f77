/**
 * Live video infrastructure: node-media-server (RTMP in, HTTP-FLV out) and the ffmpeg sidecar
 * (HLS, recording). Knows stream keys only as grants handed out by the live module's hooks.
 */
export { MediaServer, type MediaOptions } from './media-server.js';
export type { ChannelStatus, MediaHooks } from './channel.js';
export type { MediaLog } from './sidecar.js';
export { registerMediaRoutes } from './routes.js';
