import { useEffect, useState } from 'react';

/** seconds until `iso` (0 after), ticking once a second */
export function useSecondsLeft(iso: string | null | undefined): number {
  const target = iso ? new Date(iso).getTime() : 0;
  const left = () => Math.max(0, Math.ceil((target - Date.now()) / 1000));
  const [s, setS] = useState(left);
  useEffect(() => {
    setS(left());
    const id = setInterval(() => setS(left()), 1000);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);
  return s;
}

export const mmss = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
