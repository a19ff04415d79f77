import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd-mobile';
import { HeartFill } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../lib/realtime/useTopic.js';

const LIKE_FLUSH_MS = 600;

/** Bottom bar: say something, send, and the heart (taps are counted locally, sent in batches). */
export function InputBar({ topic, signedIn, muted, onLogin, onLiked }: { topic: Topic; signedIn: boolean; muted: boolean; onLogin(): void; onLiked(n: number): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [hearts, setHearts] = useState<number[]>([]);
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const offline = topic.status !== 'open';

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  // an error (rate limited, muted, blocked word…) shows over the bar for a few seconds
  useEffect(() => {
    if (!error) return;
    const id = setTimeout(() => setError(null), 4000);
    return () => clearTimeout(id);
  }, [error]);

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    try {
      await topic.send('chat', { text: body });
      setText('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('common.unknownError'));
    } finally {
      setSending(false);
    }
  };

  const like = () => {
    onLiked(1);
    const id = Date.now() + Math.random();
    setHearts((h) => [...h.slice(-8), id]);
    setTimeout(() => setHearts((h) => h.filter((x) => x !== id)), 1200);
    pending.current = Math.min(50, pending.current + 1);
    timer.current ??= setTimeout(() => {
      const n = pending.current;
      pending.current = 0;
      timer.current = null;
      if (n > 0) void topic.send('like', { n }).catch(() => undefined);
    }, LIKE_FLUSH_MS);
  };

  return (
    <div className="lv-bar">
      {error && <div className="lv-bar-error" data-testid="live-chat-error" onClick={() => setError(null)}>{error}</div>}
      <div className="lv-bar-row">
        {signedIn ? (
          <>
            <input
              className="lv-bar-input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
              placeholder={muted ? t('live.room.muted') : offline ? t('live.room.connecting') : t('live.room.sayPlaceholder')}
              disabled={muted}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) void send();
              }}
              enterKeyHint="send"
              data-testid="live-chat-input"
            />
            <Button size="small" shape="rounded" color="primary" disabled={!text.trim() || offline} loading={sending} onClick={() => void send()} data-testid="live-chat-send">
              {t('live.room.send')}
            </Button>
          </>
        ) : (
          <button type="button" className="lv-bar-login" onClick={onLogin} data-testid="live-login">{t('live.room.loginToChat')}</button>
        )}
        <button type="button" className="lv-like" onClick={like} aria-label={t('live.room.like')} data-testid="live-like">
          <HeartFill />
          {hearts.map((h) => <span key={h} className="lv-heart-fly"><HeartFill /></span>)}
        </button>
      </div>
    </div>
  );
}
