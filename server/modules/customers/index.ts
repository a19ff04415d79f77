/** Customers: one neighbour identity per organisation, keyed by phone; phone-code login. */
import './events.js';

export { registerCustomerRoutes } from './routes.js';
export { findOrCreateCustomerByPhone } from './use-cases/find-or-create-customer.js';
export { type OtpSender } from './use-cases/request-otp.js';
export { getCustomers, type CustomerRef } from './customer.repo.js';
export { purgeOldOtps } from './otp.repo.js';
export { grantCredit, creditOf, creditBalances } from './credit.js';
export type { CreditView } from './contract.js';
export { normalisePhone } from './contract.js';
export * as customerTables from './tables.js';
