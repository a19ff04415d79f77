import { describe, expect, it } from 'vitest';
import type { EntryView, PublicCampaignView, PublicItemView } from '../../../api/shop-groupbuy.js';
import { maxFor } from './join-caps.js';
import { topics, WS_PATH as CONTRACT_WS_PATH } from '../../../../../server/realtime/contract.js';
import { applyEvent, campaignTopic, mergeEntries, WS_PATH } from './live-list.js';

const at = '2026-11-25T03:00:00.000Z';
const entry = (seq: number, mine = false): EntryView => ({ seq, who: mine ? '张阿姨' : '张**', summary: '1份', at, mine });
const view = (entries: EntryView[]) =>
  ({ entries, progress: { buyers: entries.length, qty: entries.length, minKind: 'buyers', minValue: 3, reached: false } }) as unknown as PublicCampaignView;

describe('the live 接龙 list', () => {
  it('subscribes where the realtime contract says', () => {
    expect(WS_PATH).toBe(CONTRACT_WS_PATH);
    expect(campaignTopic('c1')).toBe(topics.campaign('c1'));
  });

  it('adds a live line once, in seq order, never as mine', () => {
    let v = view([entry(1, true), entry(3)]);
    v = applyEvent(v, { id: 7, type: 'campaign_entry', payload: { seq: 2, who: '李**', summary: '2份', at } });
    v = applyEvent(v, { id: 7, type: 'campaign_entry', payload: { seq: 2, who: '李**', summary: '2份', at } });
    expect(v.entries.map((e) => [e.seq, e.mine])).toEqual([[1, true], [2, false], [3, false]]);
  });

  it('drops a withdrawn line and follows 成团 progress', () => {
    let v = view([entry(1), entry(2)]);
    v = applyEvent(v, { id: 9, type: 'campaign_entry_removed', payload: { seq: 1, at } });
    v = applyEvent(v, { type: 'campaign_progress', payload: { joined: 3, goal: 3 } });
    expect(v.entries.map((e) => e.seq)).toEqual([2]);
    expect(v.progress).toMatchObject({ buyers: 3, reached: true });
  });

  it('a refetch keeps lines seen live after it started, and forgets withdrawn older ones', () => {
    const snapshot = [entry(1, true)];
    const shown = [entry(1), entry(2), entry(3)];
    // 2 was seen before the refetch started (so it was withdrawn), 3 arrived during it
    const merged = mergeEntries(snapshot, shown, (seq) => seq === 3);
    expect(merged.map((e) => [e.seq, e.mine])).toEqual([[1, true], [3, false]]);
  });
});

describe('the quantity stepper cap', () => {
  const item = (remaining: number | null, perPersonCap: number | null) => ({ remaining, perPersonCap }) as PublicItemView;
  it('stops at what is left and at the per-person cap minus what I hold', () => {
    expect(maxFor(item(10, 3), 0)).toBe(3);
    expect(maxFor(item(10, 3), 2)).toBe(1);
    expect(maxFor(item(1, 3), 0)).toBe(1);
    expect(maxFor(item(0, null), 0)).toBe(0);
    expect(maxFor(item(null, 2), 5)).toBe(0);
    expect(maxFor(item(null, null), 0)).toBe(999);
  });
});
