import { describe, expect, it } from 'vitest';
import { allocateFirstCome, type PresaleDemandLine } from './allocate.js';

const at = (min: number) => new Date(Date.UTC(2026, 10, 24, 20, min));
const line = (id: string, qty: number, min: number): PresaleDemandLine => ({ orderId: `o${id}`, lineId: `l${id}`, qty, createdAt: at(min) });

describe('allocateFirstCome', () => {
  // given out of order: the earliest order is served first whatever the list order
  const demand = [line('3', 2, 30), line('1', 3, 10), line('2', 4, 20)];

  it('fills the earliest orders, splits the first that does not fit, and shorts the rest', () => {
    const a = allocateFirstCome(demand, 5);
    expect(a.lines.map((l) => [l.lineId, l.outcome, l.filledQty, l.missingQty])).toEqual([
      ['l1', 'filled', 3, 0],
      ['l2', 'partial', 2, 2],
      ['l3', 'short', 0, 2],
    ]);
    expect([a.allocatedQty, a.shortQty, a.surplusQty]).toEqual([5, 4, 0]);
  });

  it('fills everything when enough arrived, and leaves the rest as surplus', () => {
    const a = allocateFirstCome(demand, 12);
    expect(a.lines.every((l) => l.outcome === 'filled')).toBe(true);
    expect([a.allocatedQty, a.shortQty, a.surplusQty]).toEqual([9, 0, 3]);
  });

  it('fills exactly at the boundary, and shorts everyone when nothing came', () => {
    expect(allocateFirstCome(demand, 9).lines.map((l) => l.outcome)).toEqual(['filled', 'filled', 'filled']);
    expect(allocateFirstCome(demand, 7).lines.map((l) => l.outcome)).toEqual(['filled', 'filled', 'short']);
    const none = allocateFirstCome(demand, 0);
    expect(none.lines.map((l) => l.outcome)).toEqual(['short', 'short', 'short']);
    expect(none.shortQty).toBe(9);
  });

  it('breaks ties at the same instant by order id, stably', () => {
    const a = allocateFirstCome([line('b', 1, 5), line('a', 1, 5)], 1);
    expect(a.lines.map((l) => [l.orderId, l.outcome])).toEqual([
      ['oa', 'filled'],
      ['ob', 'short'],
    ]);
  });

  it('keeps everything as surplus without demand and refuses a negative arrival', () => {
    expect(allocateFirstCome([], 4)).toEqual({ lines: [], allocatedQty: 0, shortQty: 0, surplusQty: 4 });
    expect(() => allocateFirstCome(demand, -1)).toThrow(RangeError);
  });
});
