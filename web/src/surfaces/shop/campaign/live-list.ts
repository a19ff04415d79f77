import type { RealtimeEvent } from '../../../../../server/realtime/contract.js';
import type { EntryView, PublicCampaignView } from '../../../api/shop-groupbuy.js';

// the contract's WS_PATH and topics.campaign(), written out: importing values from contract.ts
// would bring zod (~25 kB gzip) onto the page neighbours open from a shared link (a test pins them)
export const WS_PATH = '/ws';
export const campaignTopic = (id: string) => `campaign:${id}`;

/**
 * The entries HTTP returned (they carry `mine`), plus live lines that arrived after that request
 * started (`fresh`): a line missing from a newer snapshot was withdrawn.
 */
export function mergeEntries(snapshot: EntryView[], live: EntryView[], fresh: (seq: number) => boolean): EntryView[] {
  const out = [...snapshot];
  for (const e of live) if (fresh(e.seq) && !out.some((x) => x.seq === e.seq)) out.push(e);
  return out.sort((a, b) => a.seq - b.seq);
}

/** One live message applied to the page's view (the refetch that follows fixes the rest). */
export function applyEvent(v: PublicCampaignView, e: RealtimeEvent): PublicCampaignView {
  if (e.type === 'campaign_entry') {
    if (v.entries.some((x) => x.seq === e.payload.seq)) return v;
    return { ...v, entries: [...v.entries, { ...e.payload, mine: false }].sort((a, b) => a.seq - b.seq) };
  }
  if (e.type === 'campaign_progress') {
    const buyers = e.payload.joined;
    const reached = v.progress.minKind === 'buyers' ? buyers >= v.progress.minValue : v.progress.reached;
    return { ...v, progress: { ...v.progress, buyers, reached } };
  }
  if (e.type === 'campaign_entry_removed') {
    const seq = e.payload.seq;
    return { ...v, entries: v.entries.filter((x) => x.seq !== seq) };
  }
  return v;
}
