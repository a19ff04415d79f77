import { lazy, Suspense } from 'react';

// G's LivePlayer (HTTP-FLV with latency chasing, HLS fallback, tap to unmute) in its own chunk:
// the download starts as soon as the room's code runs, in parallel with the room's data, but
// does not hold up the room's first paint (or the live page's first-load budget).
const player = import('../player/LivePlayer.js');
const LivePlayer = lazy(() => player);

export function PlayerSlot({ flvUrl, hlsUrl, poster }: { flvUrl: string; hlsUrl: string | null; poster?: string }) {
  return (
    <Suspense fallback={<div className="lv-video-el" />}>
      <LivePlayer flvUrl={flvUrl} hlsUrl={hlsUrl} poster={poster} />
    </Suspense>
  );
}
