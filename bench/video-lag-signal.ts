/**
 * The machine-readable clock of the video-lag bench: every frame carries its own number as a
 * strip of black/white cells along the top (20 bits of the frame number + 4 bits of its popcount
 * as a check), large enough (24×24 px at 640×360) to survive H.264 at 800 kbit/s. The sender
 * remembers when it handed frame N to the encoder; a viewer reads N back from the picture it
 * shows and subtracts. Same machine, same wall clock (performance.timeOrigin + now()).
 */
export const W = 640;
export const H = 360;
export const FPS = 25;
export const CELL = 24;
export const BITS = 24;
export const STRIP_X = 16;

const popcount = (n: number) => n.toString(2).replace(/0/g, '').length;

export function encodeBits(n: number): number[] {
  const v = (n & 0xfffff) | ((popcount(n & 0xfffff) & 15) << 20);
  return Array.from({ length: BITS }, (_, i) => (v >> i) & 1);
}

/** frame number from the cell luminances (0–255), or null when the check bits disagree */
export function decodeLuma(lumaAt: (cell: number) => number): number | null {
  let v = 0;
  for (let i = 0; i < BITS; i++) if (lumaAt(i) > 128) v |= 1 << i;
  const n = v & 0xfffff;
  return ((v >> 20) & 15) === (popcount(n) & 15) ? n : null;
}

/** centre pixel of cell i */
export const cellCentre = (i: number) => ({ x: STRIP_X + i * CELL + CELL / 2, y: CELL / 2 });

/** A 640×360 yuv420p frame: a moving diagonal gradient (so the encoder has work) under the strip. */
export class FrameMaker {
  private readonly ramp = Buffer.alloc(W + 256);
  private readonly frame = Buffer.alloc((W * H * 3) / 2, 128);

  constructor() {
    for (let i = 0; i < this.ramp.length; i++) this.ramp[i] = 40 + ((i * 3) % 176);
  }

  make(n: number): Buffer {
    const f = this.frame;
    for (let y = 0; y < H; y++) this.ramp.copy(f, y * W, (n * 4 + y) % 256, ((n * 4 + y) % 256) + W);
    const bits = encodeBits(n);
    for (let i = 0; i < BITS; i++) {
      const x0 = STRIP_X + i * CELL;
      for (let y = 0; y < CELL; y++) f.fill(bits[i] ? 235 : 16, y * W + x0, y * W + x0 + CELL);
    }
    return f;
  }
}
