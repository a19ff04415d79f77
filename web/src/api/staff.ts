import { get, post } from './client.js';
import type { StaffMe, StaffMember, StaffRole } from './types.js';

export const staffApi = {
  me: () => get<StaffMe>('/api/auth/staff/me'),
  login: (login: string, password: string) => post<{ ok: true }>('/api/auth/staff/login', { login, password }),
  logout: () => post<{ ok: true }>('/api/auth/staff/logout'),
  list: () => get<StaffMember[]>('/api/console/staff'),
  add: (b: { login: string; name: string; password: string; role: Exclude<StaffRole, 'owner'> }) =>
    post<{ id: string }>('/api/console/staff', b),
};
