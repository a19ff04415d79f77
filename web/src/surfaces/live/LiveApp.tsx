import { Navigate, Route, Routes } from 'react-router';
import { DEMO_SLUG } from '../../lib/config.js';
import { MobileProvider } from '../../lib/mobile/MobileProvider.js';
import { PickShow } from './PickShow.js';
import { RoomPage } from './room/RoomPage.js';
import './room/live.css';

/** 直播间 (/live/*): /live → the demo store, /live/:slug → its current or next show, /live/:slug/:showId → the room. */
export default function LiveApp() {
  return (
    <MobileProvider>
      <Routes>
        <Route index element={<Navigate to={`/live/${DEMO_SLUG}`} replace />} />
        <Route path=":slug" element={<PickShow />} />
        <Route path=":slug/:showId" element={<RoomPage />} />
        <Route path="*" element={<Navigate to={`/live/${DEMO_SLUG}`} replace />} />
      </Routes>
    </MobileProvider>
  );
}
