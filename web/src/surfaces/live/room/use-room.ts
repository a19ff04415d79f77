import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ApiError } from '../../../api/client.js';
import type { LiveShopApi } from '../../../api/live.js';
import { roomTopic } from '../../../lib/realtime/topics.js';
import { useTopic, type Topic } from '../../../lib/realtime/useTopic.js';
import { emptyRoom, roomReducer, type RoomAction, type RoomView } from './room-state.js';

export interface Room {
  view: RoomView;
  dispatch(a: RoomAction): void;
  topic: Topic;
  /** the snapshot could not be loaded (LIVE_ROOM_RESTRICTED, not found …) */
  error: ApiError | undefined;
  reload(): Promise<void>;
}

/** The room of one show: HTTP snapshot + `room:<showId>` events (chat tail 50, presence heartbeats). */
export function useRoom(api: LiveShopApi, showId: string, invite: string | null): Room {
  const [view, dispatch] = useReducer(roomReducer, emptyRoom);
  const [error, setError] = useState<ApiError>();

  const reload = useCallback(async () => {
    try {
      const room = await api.room(showId, invite);
      dispatch({ type: 'room', room });
      setError(undefined);
      // commerce is E2's: the room still works when it fails
      const commerce = await api.commerce(showId, invite).catch(() => null);
      if (commerce) dispatch({ type: 'commerce', commerce });
    } catch (e) {
      setError(e as ApiError);
    }
  }, [api, showId, invite]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // the show went live or ended: the snapshot has the new playback / replay
  useEffect(() => {
    if (view.statusSeq > 0) void reload();
  }, [view.statusSeq, reload]);

  // subscribe once the snapshot let us in (it also remembers an invite token in a cookie the socket sends)
  const topic = useTopic(view.room && !error ? roomTopic(showId) : null, {
    tail: 50,
    heartbeat: true,
    onEvent: (event) => dispatch({ type: 'event', event }),
    onResync: () => void reload(),
  });

  return { view, dispatch, topic, error, reload };
}
