/** After-sales (售后): tickets on any channel's order; approvals refund through orders. */
import './events.js';

export { registerAftersalesRoutes, type AftersalesOptions } from './routes.js';
export { openTicket } from './use-cases/open-ticket.js';
export { attachPhoto } from './use-cases/attach-photo.js';
export { approveTicket, rejectTicket, AFTER_SALES_REFUND_REASON } from './use-cases/decide-ticket.js';
export { findTicket, findTickets, presentForShop, presentForStaff } from './ticket.repo.js';
export * from './contract.js';
