import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../../../../server/realtime/contract.js';
import { emptyRoom, openFlashFor, roomReducer, type RoomView } from './room-state.js';

const at = '2026-11-25T12:00:00.000Z';
const apply = (s: RoomView, ...events: RealtimeEvent[]) => events.reduce((v, event) => roomReducer(v, { type: 'event', event }), s);
const sale = { flashSaleId: 'f1', skuId: 's1', title: '阳光玫瑰', priceFen: 1990, originalPriceFen: 3990, total: 10, remaining: 10, perPersonLimit: 2, endsAt: at, status: 'open' as const };

describe('the room screen state', () => {
  it('shows a chat line once (a replay after reconnect repeats it) and drops it when the host removes it', () => {
    const line = { type: 'chat', id: 7, payload: { messageId: 'm1', author: '张*', text: '甜吗', at } } as const;
    let s = apply(emptyRoom, line, line);
    expect(s.chat).toHaveLength(1);
    s = apply(s, { type: 'chat_removed', id: 8, payload: { messageId: 'm1', at } });
    expect(s.chat).toHaveLength(0);
  });

  it('keeps the flash sale and the pinned stock current as units sell', () => {
    let s = apply(emptyRoom, { type: 'pin', id: 1, payload: { pinned: { kind: 'product', refId: 's1', title: '阳光玫瑰', priceFen: 3990, available: 40 }, at } });
    s = apply(s, { type: 'flash_sale', id: 2, payload: sale });
    expect(openFlashFor(s, 's1')?.remaining).toBe(10);
    s = apply(s, { type: 'flash_sale', id: 3, payload: { ...sale, remaining: 0, status: 'sold_out' } }, { type: 'stock', id: 4, payload: { skuId: 's1', available: 30, at } });
    expect(openFlashFor(s, 's1')).toBeUndefined();
    expect(s.flash.f1?.remaining).toBe(0);
    expect(s.pinned?.available).toBe(30);
    // another SKU's stock does not touch the pinned card
    s = apply(s, { type: 'stock', id: 5, payload: { skuId: 's2', available: 1, at } });
    expect(s.pinned?.available).toBe(30);
  });

  it('never lets a late likes signal lower what the viewer already saw', () => {
    let s = roomReducer(emptyRoom, { type: 'liked', n: 3 });
    s = apply(s, { type: 'likes', payload: { total: 1 } });
    expect(s.likes).toBe(3);
    s = apply(s, { type: 'likes', payload: { total: 12 } });
    expect(s.likes).toBe(12);
  });

  it('shows the giveaway entrant count as people enter, never lowered by a late count, untouched for another giveaway', () => {
    const g = { giveawayId: 'g1', prize: '草莓一盒', status: 'open' as const, endsAt: at, entrants: 0, winner: null };
    let s = apply(emptyRoom, { type: 'giveaway', id: 1, payload: g }, { type: 'giveaway_entrants', payload: { giveawayId: 'g1', entrants: 3 } });
    expect(s.giveaways.g1).toMatchObject({ entrants: 3, status: 'open', prize: '草莓一盒' });
    s = apply(s, { type: 'giveaway_entrants', payload: { giveawayId: 'g1', entrants: 2 } });
    expect(s.giveaways.g1?.entrants).toBe(3);
    s = apply(s, { type: 'giveaway_entrants', payload: { giveawayId: 'other', entrants: 9 } });
    expect(Object.keys(s.giveaways)).toEqual(['g1']);
    // the draw's durable message carries the final count and the winner
    s = apply(s, { type: 'giveaway', id: 2, payload: { ...g, status: 'drawn', entrants: 4, winner: '吴*' } });
    expect(s.giveaways.g1).toMatchObject({ entrants: 4, winner: '吴*', status: 'drawn' });
  });
});
