/** Orders: one aggregate for every channel, its state machine, refunds, and pickup (核销). */
import './events.js';

export { registerOrders } from './register.js';
export type { OrdersPorts, PaymentsPort } from './ports.js';
export { createOrder, UNPAID_HOLD_MS, type CreateOrderInput } from './use-cases/create-order.js';
export { createOrdersBulk, type BulkOrderInput } from './use-cases/create-orders-bulk.js';
export { markPaid } from './use-cases/mark-paid.js';
export { markRefundSucceeded, markRefundsSucceeded } from './use-cases/mark-refund-succeeded.js';
export { cancelOrdersBulk, type BulkCancelOutcome } from './use-cases/cancel-orders-bulk.js';
export { markReady } from './use-cases/mark-ready.js';
export { holdPresaleLine } from './use-cases/hold-presale-line.js';
export { cancelOrder } from './use-cases/cancel-order.js';
export { refundOrder, type RefundOrderInput } from './use-cases/refund-order.js';
export { repriceUnpaidOrder } from './use-cases/reprice-order.js';
export { dropUnpaidUnits } from './use-cases/drop-unpaid-units.js';
export { closeKeepingMoney } from './use-cases/close-keeping-money.js';
export { startOrderPayment } from './use-cases/start-payment.js';
export { expireUnpaidOrder, PAYMENT_TIMEOUT_REASON } from './use-cases/expire-unpaid-order.js';
export { expireOverdueOrders, EXPIRE_UNPAID_JOB } from './use-cases/expire-overdue-orders.js';
export { getOrder, getOrders, listOrders, getOrderForStaff, listOrdersForStaff } from './queries.js';
export { TRANSITIONS, canTransition, assertTransition, refundState, refundableFen } from './state.js';
export * from './pickup/index.js';
/** the order's zod schema, for other modules' route responses */
export { OrderView as OrderViewSchema } from './contract.js';
export type {
  OrderView,
  StaffOrderView,
  OrderCustomer,
  OrderLineView,
  OrderStatus,
  OrderChannel,
  Fulfilment,
  PaymentMethod,
  RefundState,
  RefundResult,
  VerificationView,
  VerificationResult,
  PickupLookup,
} from './contract.js';
