import { EyeOutline, HeartOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { RoomState } from '../../../api/live.js';
import { setLang, useLang } from '../../../i18n/index.js';

/** Over the video: title, LIVE badge, viewers and likes. */
export function RoomHeader({ show, storeName, viewers, likes, online }: { show: RoomState['show']; storeName: string | undefined; viewers: number; likes: number; online: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="lv-head">
      <div className="lv-head-host">
        <span className="lv-head-avatar">{(storeName ?? '邻').slice(0, 1)}</span>
        <div className="lv-head-text">
          <div className="lv-head-title" data-testid="live-title">{show.title}</div>
          <div className="lv-head-sub">
            <span className="lv-head-stat"><EyeOutline /> <b data-testid="live-viewers">{viewers}</b></span>
            <span className="lv-head-stat"><HeartOutline /> <b data-testid="live-likes">{likes}</b></span>
          </div>
        </div>
      </div>
      <div className="lv-head-right">
        <span className={`lv-badge lv-badge-${show.status}`} data-testid="live-status">
          {t(`live.room.status.${show.status}`)}{show.status === 'live' && !online ? ' …' : ''}
        </span>
        <button type="button" className="m-lang lv-lang" onClick={() => void setLang(lang === 'en' ? 'zh-CN' : 'en')}>{lang === 'en' ? '中' : 'EN'}</button>
      </div>
    </div>
  );
}
