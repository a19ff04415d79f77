import { useEffect, useState } from 'react';
import type { PublicCampaignView } from '../../../api/shop-groupbuy.js';
import type { JoinPayMethod } from './JoinOptions.js';

export interface JoinDraft {
  qty: Record<string, number>;
  slotId: string | null;
  method: JoinPayMethod;
}

const storageKey = (id: string) => `linli.join.${id}`;

/** What the neighbour picked; kept across the phone login detour (sessionStorage, this tab only). */
export function useJoinDraft(campaignId: string, view: PublicCampaignView | undefined) {
  const [draft, setDraft] = useState<JoinDraft | null>(() => {
    try {
      const raw = sessionStorage.getItem(storageKey(campaignId));
      return raw ? (JSON.parse(raw) as JoinDraft) : null;
    } catch {
      return null;
    }
  });
  // first view: one portion of the first item that is still available, the first slot with room
  useEffect(() => {
    if (draft || !view) return;
    const first = view.items.find((i) => i.remaining === null || i.remaining > 0);
    const slot = view.slots.find((s) => s.capacity > s.booked);
    setDraft({ qty: first ? { [first.id]: 1 } : {}, slotId: slot?.id ?? null, method: 'sandbox' });
  }, [draft, view]);

  const value: JoinDraft = draft ?? { qty: {}, slotId: null, method: 'sandbox' };
  return {
    draft: value,
    setQty: (itemId: string, n: number) => setDraft({ ...value, qty: { ...value.qty, [itemId]: n } }),
    setSlot: (slotId: string) => setDraft({ ...value, slotId }),
    setMethod: (method: JoinPayMethod) => setDraft({ ...value, method }),
    /** before the login detour */
    keep: () => sessionStorage.setItem(storageKey(campaignId), JSON.stringify(value)),
    /** after a join: start over with nothing picked */
    reset: () => {
      sessionStorage.removeItem(storageKey(campaignId));
      setDraft({ ...value, qty: {} });
    },
  };
}
