import { useCallback, useEffect, useRef, useState } from 'react';
import { flashFromView, liveConsoleApi, type ConsoleRoom, type FlashSale, type LiveStatus, type ShowSalesStats, type ShowView } from '../../../api/live.js';
import { roomTopic } from '../../../lib/realtime/topics.js';
import { useTopic } from '../../../lib/realtime/useTopic.js';

export interface ShowControl {
  show: ShowView | undefined;
  room: ConsoleRoom | undefined;
  sales: ShowSalesStats | undefined;
  flash: FlashSale[];
  stream: LiveStatus['streams'][number] | undefined;
  viewers: number | undefined;
  likes: number | undefined;
  error: Error | undefined;
  online: boolean;
  refresh(): void;
}

const POLL_MS = 5000;

/**
 * The host's view of one show: the console snapshots (room, sales, flash sales, stream status),
 * refreshed every 5 s and at once when the room's realtime messages say something changed.
 */
export function useShowControl(showId: string): ShowControl {
  const [show, setShow] = useState<ShowView>();
  const [room, setRoom] = useState<ConsoleRoom>();
  const [sales, setSales] = useState<ShowSalesStats>();
  const [flash, setFlash] = useState<FlashSale[]>([]);
  const [status, setStatus] = useState<LiveStatus>();
  const [viewers, setViewers] = useState<number>();
  const [likes, setLikes] = useState<number>();
  const [error, setError] = useState<Error>();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    const [shows, r, s, f, st] = await Promise.allSettled([
      liveConsoleApi.shows(),
      liveConsoleApi.room(showId),
      liveConsoleApi.sales(showId),
      liveConsoleApi.flashSales(showId),
      liveConsoleApi.status(),
    ]);
    if (shows.status === 'fulfilled') setShow(shows.value.find((x) => x.id === showId));
    if (r.status === 'fulfilled') {
      setRoom(r.value);
      setViewers(r.value.viewersNow);
      setLikes(r.value.likes);
      setError(undefined);
    } else setError(r.reason as Error);
    if (s.status === 'fulfilled') setSales(s.value);
    if (f.status === 'fulfilled') setFlash(f.value.map(flashFromView));
    if (st.status === 'fulfilled') setStatus(st.value);
  }, [showId]);

  const refresh = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void load();
    }, 300);
  }, [load]);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), POLL_MS);
    return () => {
      clearInterval(id);
      if (pending.current) clearTimeout(pending.current);
    };
  }, [load]);

  const topic = useTopic(roomTopic(showId), {
    onEvent: (e) => {
      if (e.type === 'viewers') setViewers(e.payload.count);
      else if (e.type === 'likes') setLikes(e.payload.total);
      else if (e.type === 'flash_sale') {
        const p = e.payload;
        setFlash((cur) => [...cur.filter((x) => x.flashSaleId !== p.flashSaleId), p]);
        refresh();
      } else refresh();
    },
    onResync: refresh,
  });

  return {
    show,
    room,
    sales,
    flash,
    stream: status?.streams.find((s) => s.showId === showId),
    viewers,
    likes,
    error,
    online: topic.status === 'open',
    refresh,
  };
}
