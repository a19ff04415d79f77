import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatLine } from './room-state.js';

/** The chat over the lower half of the room; sticks to the bottom unless the neighbour scrolled up. */
export function ChatList({ lines }: { lines: ChatLine[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <div
      className="lv-chat"
      data-testid="live-chat-list"
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      <div className="lv-chat-line lv-chat-notice">{t('live.room.notice')}</div>
      {lines.map((l) => (
        <div key={l.messageId} className="lv-chat-line" data-testid="live-chat-line" data-message-id={l.messageId}>
          <span className="lv-chat-author">{l.author}</span>
          <span className="lv-chat-text">{l.text}</span>
        </div>
      ))}
    </div>
  );
}
