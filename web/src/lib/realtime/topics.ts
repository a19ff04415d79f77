/**
 * Topic names and the socket path, as plain strings: importing them from the realtime contract
 * would pull zod (its schemas are built at load) into the live room's first load. They must
 * match `topics` and `WS_PATH` in server/realtime/contract.ts (topics.test.ts checks it).
 */
export const WS_PATH = '/ws';
export const roomTopic = (showId: string) => `room:${showId}`;
