import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { framePayload, textFrame } from './wire.js';

// ws's own frame parser (not in its type declarations) decodes what textFrame builds
const Receiver = (createRequire(import.meta.url)('ws') as { Receiver: unknown }).Receiver as new (o: object) => NodeJS.WritableStream & {
  on(ev: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
};

describe('textFrame', () => {
  it.each([0, 125, 126, 65_535, 65_536, 200_000])('builds a frame ws reads back (%i bytes of payload)', async (n) => {
    const body = Buffer.alloc(n, 'a');
    const r = new Receiver({ isServer: false, maxPayload: 0, extensions: {} });
    const got = new Promise<Buffer>((resolve) => r.on('message', (d) => resolve(Buffer.from(d))));
    const frame = textFrame(body);
    r.write(frame);
    expect((await got).equals(body)).toBe(true);
    expect(framePayload(frame).equals(body)).toBe(true);
  });
});
