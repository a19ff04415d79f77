import { useCallback, useState } from 'react';
import { newId } from '../../lib/ids.js';

/** What this counter verified lately (kept on the device; the audit trail is on the server). */
export interface RecentVerification {
  verificationId: string;
  orderId: string;
  code: string;
  summary: string;
  totalFen: number;
  collectedFen: number;
  verifiedAt: string;
  undoUntil: string;
  undone: boolean;
}

const KEY = 'linli.counter.recent';
const DEVICE_KEY = 'linli.counter.device';
const MAX = 20;

function load(): RecentVerification[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecentVerification[];
  } catch {
    return [];
  }
}

export function useRecent() {
  const [items, setItems] = useState<RecentVerification[]>(load);
  const save = useCallback((next: RecentVerification[]) => {
    const trimmed = next.slice(0, MAX);
    localStorage.setItem(KEY, JSON.stringify(trimmed));
    setItems(trimmed);
  }, []);
  return {
    items,
    add: (r: RecentVerification) => save([r, ...load().filter((x) => x.verificationId !== r.verificationId)]),
    markUndone: (verificationId: string) => save(load().map((x) => (x.verificationId === verificationId ? { ...x, undone: true } : x))),
  };
}

/** a name for this tablet in the verification audit (staff, time, device) */
export function deviceName(): string {
  let d = localStorage.getItem(DEVICE_KEY);
  if (!d) {
    d = `counter-${newId().slice(0, 6)}`;
    localStorage.setItem(DEVICE_KEY, d);
  }
  return d;
}
