import { get } from './client.js';
import type { MessageStatus, OutboxMessage } from './types.js';

/** JSON carries dates as ISO strings */
export type OutboxItem = Omit<OutboxMessage, 'createdAt' | 'sentAt'> & { createdAt: string; sentAt: string | null };
export interface OutboxPage {
  items: OutboxItem[];
  total: number;
  page: number;
  pageSize: number;
}

export const notificationsApi = {
  outbox: (q: { status?: MessageStatus; page?: number; pageSize?: number } = {}, signal?: AbortSignal) => get<OutboxPage>('/api/console/outbox', q, signal),
};
