import { get, post } from './client.js';
import type { RefundStatus, RefundView, SandboxSettings } from './types.js';

/** Refunds (the retry queue) and the sandbox provider's demo switch. */
export const paymentsApi = {
  refunds: (status?: RefundStatus, signal?: AbortSignal) => get<RefundView[]>('/api/console/refunds', { status }, signal),
  retryRefund: (id: string) => post<RefundView>(`/api/console/refunds/${id}/retry`),
  sandboxSettings: () => get<SandboxSettings>('/api/console/payments/sandbox/settings'),
  setSandboxSettings: (b: SandboxSettings) => post<SandboxSettings>('/api/console/payments/sandbox/settings', b),
};
