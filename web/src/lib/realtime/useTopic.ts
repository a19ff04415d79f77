import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientMessages, ClientMessageType, RealtimeEvent } from '../../../../server/realtime/contract.js';
import { onRealtimeStatus, realtime, realtimeStatus, type RealtimeStatus } from './connection.js';

/** presence: the server counts a viewer present when it heard from them within 60 s */
export const HEARTBEAT_MS = 20_000;

export interface TopicOptions {
  /** first join: replay this many recent durable messages (chat history) */
  tail?: number;
  onEvent(e: RealtimeEvent): void;
  /** the gap since our last event is no longer kept: refetch the state over HTTP */
  onResync?(): void;
  /** an error frame about the topic (e.g. REALTIME_TOPIC_FORBIDDEN) */
  onError?(code: string, message: string): void;
  /** send `heartbeat` every 20 s while subscribed (live rooms) */
  heartbeat?: boolean;
}

export interface Topic {
  status: RealtimeStatus;
  /** resolves when the server accepted it; rejects with RealtimeError (code, message) */
  send<K extends ClientMessageType>(name: K, payload: ClientMessages[K]): Promise<void>;
}

/**
 * Subscribe to one realtime topic for the life of the component. The shared client reconnects
 * with backoff and resumes from the last event id it saw (repeats are dropped); `onResync` asks
 * the page to refetch when the server no longer has the gap. `topic === null` = not yet.
 */
export function useTopic(topic: string | null, opts: TopicOptions): Topic {
  const ref = useRef(opts);
  ref.current = opts;
  const [status, setStatus] = useState<RealtimeStatus>(realtimeStatus);

  useEffect(() => onRealtimeStatus(setStatus), []);

  useEffect(() => {
    if (!topic) return;
    const rt = realtime();
    const off = rt.subscribe(topic, {
      tail: ref.current.tail,
      onEvent: (e) => ref.current.onEvent(e),
      onResync: () => ref.current.onResync?.(),
      onError: (code, message) => ref.current.onError?.(code, message),
    });
    return off;
  }, [topic]);

  useEffect(() => {
    if (!topic || !opts.heartbeat || status !== 'open') return;
    const beat = () => void realtime().send(topic, 'heartbeat', {}).catch(() => undefined);
    // the subscribe frame goes out right after the socket opens: beat once it has been handled
    const first = setTimeout(beat, 1000);
    const every = setInterval(beat, HEARTBEAT_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [topic, opts.heartbeat, status]);

  const send = useCallback(
    <K extends ClientMessageType>(name: K, payload: ClientMessages[K]) =>
      topic ? realtime().send(topic, name, payload) : Promise.reject(new Error('no topic')),
    [topic],
  );
  return { status, send };
}
