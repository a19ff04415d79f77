import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../api/client.js';
import { groupbuyApi } from '../../../api/groupbuy.js';
import { useTopic } from '../../../lib/realtime/useTopic.js';
import { topics } from '../../../../../server/realtime/contract.js';

export interface LiveEntry {
  seq: number;
  who: string;
  summary: string;
  at: string;
  /** arrived over the socket while the page was open */
  fresh?: boolean;
}

/**
 * The 接龙 list and 成团 progress of one campaign, live: the list as the shop shows it, then
 * campaign:<id> messages (campaign_entry, campaign_progress, campaign_entry_removed); every
 * change also asks the page to refetch the campaign (`onChange`, debounced) for sold and caps.
 */
export function useCampaignLive(id: string, slug: string | null, onChange: () => void) {
  const [entries, setEntries] = useState<LiveEntry[]>([]);
  const [buyers, setBuyers] = useState<number>();
  const changed = useRef(onChange);
  changed.current = onChange;

  const load = useCallback(async () => {
    if (!slug) return;
    try {
      const v = await groupbuyApi.publicView(slug, id);
      const top = v.entries.reduce((m, e) => Math.max(m, e.seq), 0);
      // keep what the socket brought after the snapshot was taken
      setEntries((cur) => [...v.entries.map(({ seq, who, summary, at }) => ({ seq, who, summary, at })), ...cur.filter((e) => e.seq > top)]);
    } catch (e) {
      if (isApiError(e, 'CAMPAIGN_NOT_FOUND')) setEntries([]); // a draft has no public page yet
    }
  }, [id, slug]);

  useEffect(() => {
    void load();
  }, [load]);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const bump = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => changed.current(), 500);
  };

  const topic = useTopic(slug ? topics.campaign(id) : null, {
    onEvent: (e) => {
      if (e.type === 'campaign_entry') {
        const p = e.payload;
        setEntries((cur) => (cur.some((x) => x.seq === p.seq) ? cur : [...cur, { ...p, fresh: true }].sort((a, b) => a.seq - b.seq)));
      } else if (e.type === 'campaign_progress') {
        setBuyers(e.payload.joined);
      } else if (e.type === 'campaign_entry_removed') {
        const { seq } = e.payload;
        setEntries((cur) => cur.filter((x) => x.seq !== seq));
      } else return;
      bump();
    },
    onResync: () => {
      void load();
      bump();
    },
  });

  return { entries, buyers, online: topic.status === 'open', reload: load };
}
