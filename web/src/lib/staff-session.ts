import { useCallback } from 'react';
import { staffApi } from '../api/staff.js';
import type { StaffMe } from '../api/types.js';
import { useApi } from './use-api.js';

export interface StaffSession {
  me: StaffMe | undefined;
  /** the first check is still running */
  checking: boolean;
  signedOut: boolean;
  /** the check failed for another reason than a missing session (server down …) */
  failure: Error | undefined;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

/** The staff member behind the linli_staff cookie (console and counter). */
export function useStaffSession(): StaffSession {
  const s = useApi((_signal) => staffApi.me(), []);
  const { reload } = s;
  const logout = useCallback(async () => {
    await staffApi.logout().catch(() => undefined);
    await reload();
  }, [reload]);
  const signedOut = s.error?.status === 401 || s.error?.status === 403;
  return {
    me: signedOut ? undefined : s.data,
    checking: s.loading && s.data === undefined && s.error === undefined,
    signedOut,
    failure: s.error && !signedOut ? s.error : undefined,
    refresh: s.reload,
    logout,
  };
}
