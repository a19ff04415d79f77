import { useCallback, useEffect, useRef, useState } from 'react';
import { RealtimeClient } from '../../../../../server/realtime/client.js';
import type { ApiError } from '../../../api/client.js';
import type { PublicCampaignView, ShopGroupbuyApi } from '../../../api/shop-groupbuy.js';
import { applyEvent, campaignTopic, mergeEntries, WS_PATH } from './live-list.js';

/** how soon after a live event the full view (sold, tiers, slots, my entries) is refetched */
const REFETCH_MIN_MS = 600;
const REFETCH_SPREAD_MS = 1200;
/** after the cut-off, until the job has decided (formed / failed) */
const DECIDE_POLL_MS = 8000;

export interface CampaignState {
  view: PublicCampaignView | undefined;
  error: ApiError | undefined;
  /** the WebSocket is connected (the list updates by itself) */
  live: boolean;
  /** server time minus this device's time, for the countdown */
  skewMs: number;
  refetch(): Promise<void>;
}

/** The public campaign over HTTP, kept live by the `campaign:<id>` topic (resume / resync handled). */
export function useCampaign(api: ShopGroupbuyApi, id: string, viewer: string | null | undefined): CampaignState {
  const [view, setView] = useState<PublicCampaignView>();
  const [error, setError] = useState<ApiError>();
  const [live, setLive] = useState(false);
  const [skewMs, setSkew] = useState(0);
  const seqRef = useRef(0);
  // live events are numbered; an entry seen live after a refetch started survives that refetch
  const tick = useRef(0);
  const seenAt = useRef(new Map<number, number>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refetch = useCallback(async () => {
    const mine = ++seqRef.current;
    const mark = tick.current;
    try {
      const t0 = Date.now();
      const v = await api.campaign(id);
      if (mine !== seqRef.current) return;
      setSkew(new Date(v.now).getTime() - (t0 + Date.now()) / 2);
      setView((old) => (old ? { ...v, entries: mergeEntries(v.entries, old.entries, (seq) => (seenAt.current.get(seq) ?? -1) > mark) } : v));
      setError(undefined);
    } catch (e) {
      if (mine === seqRef.current) setError(e as ApiError);
    }
  }, [api, id]);

  // a live event: show it now, then refetch the rest soon (spread so a busy list does not stampede)
  const soon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetch();
    }, REFETCH_MIN_MS + Math.random() * REFETCH_SPREAD_MS);
  }, [refetch]);

  // refetch when the viewer changes (after login the own entries come back in full); finding
  // out that nobody is signed in changes nothing
  const lastViewer = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const before = lastViewer.current;
    lastViewer.current = viewer;
    if (before === undefined && viewer === null) return;
    void refetch();
  }, [refetch, viewer]);

  useEffect(() => {
    const rt = new RealtimeClient({ url: `${location.origin.replace(/^http/, 'ws')}${WS_PATH}`, onStatus: (s) => setLive(s === 'open') });
    const off = rt.subscribe(campaignTopic(id), {
      tail: 50,
      onEvent: (e) => {
        tick.current += 1;
        if (e.type === 'campaign_entry') seenAt.current.set(e.payload.seq, tick.current);
        setView((v) => (v ? applyEvent(v, e) : v));
        soon();
      },
      onResync: () => void refetch(),
    });
    return () => {
      off();
      rt.close();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [id, refetch, soon]);

  // a phone puts a background tab to sleep: catch up when it is looked at again
  useEffect(() => {
    const onShow = () => {
      if (document.visibilityState === 'visible') void refetch();
    };
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [refetch]);

  // past the cut-off the job decides within a few seconds: follow it until formed / failed
  const status = view?.status;
  const cutoffAt = view?.cutoffAt;
  useEffect(() => {
    if (!status || !cutoffAt || (status !== 'open' && status !== 'closed')) return;
    const wait = new Date(cutoffAt).getTime() - (Date.now() + skewMs);
    if (wait > 2 ** 31 - 1) return; // beyond what a timer holds (weeks away)
    let poll: ReturnType<typeof setInterval> | null = null;
    const start = setTimeout(() => {
      void refetch();
      poll = setInterval(() => void refetch(), DECIDE_POLL_MS);
    }, Math.max(0, wait) + 500);
    return () => {
      clearTimeout(start);
      if (poll) clearInterval(poll);
    };
  }, [status, cutoffAt, skewMs, refetch]);

  return { view, error, live, skewMs, refetch };
}
