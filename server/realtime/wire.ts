import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * A server→client text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked), header and payload in one
 * buffer, so a topic's frame is built once and every socket gets one write of the same bytes.
 */
export function textFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const f = Buffer.allocUnsafe(head + n);
  f[0] = 0x81;
  if (n < 126) f[1] = n;
  else if (n < 65_536) {
    f[1] = 126;
    f.writeUInt16BE(n, 2);
  } else {
    f[1] = 127;
    f.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(f, head);
  return f;
}

/** the payload of a frame made by textFrame */
export function framePayload(frame: Buffer): Buffer {
  const len7 = frame[1]! & 0x7f;
  return frame.subarray(len7 < 126 ? 2 : len7 === 126 ? 4 : 10);
}

interface WsInternals {
  _socket?: Socket;
  _sender?: { _state?: number; _queue?: unknown[] };
}

/**
 * Writes a prebuilt frame straight to the socket under `ws`. That is safe only while ws's own
 * sender has nothing queued (it queues only for permessage-deflate, which the gateway turns
 * off, and for Blobs, which it never sends); otherwise, or if a ws upgrade renames these
 * internals, it falls back to ws.send (one header per socket: slower, same bytes on the wire).
 * Measured in bench/realtime-fanout.ts: ~25 % less server CPU per fan-out than ws.send(buffer).
 */
export function writeFrame(ws: WebSocket, frame: Buffer): void {
  const w = ws as unknown as WsInternals;
  const s = w._socket;
  if (s && s.writable && w._sender?._state === 0 && w._sender._queue?.length === 0) s.write(frame);
  else ws.send(framePayload(frame), { binary: false });
}
