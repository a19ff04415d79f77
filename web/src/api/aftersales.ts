import type { AfterSalesStatus, ApproveTicketBody, RejectTicketBody, StaffTicketView } from '../../../server/modules/aftersales/contract.js';
import { get, post } from './client.js';

export type { AfterSalesReason, AfterSalesStatus, StaffTicketView } from '../../../server/modules/aftersales/contract.js';

/** 售后 in the console: tickets with reason and photo; approve a (partial) refund or reject. */
export const afterSalesApi = {
  list: (q: { status?: AfterSalesStatus }, signal?: AbortSignal) => get<StaffTicketView[]>('/api/console/after-sales', q, signal),
  approve: (id: string, b: ApproveTicketBody, key: string) => post<StaffTicketView>(`/api/console/after-sales/${encodeURIComponent(id)}/approve`, b, key),
  reject: (id: string, b: RejectTicketBody) => post<StaffTicketView>(`/api/console/after-sales/${encodeURIComponent(id)}/reject`, b),
};
