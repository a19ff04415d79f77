/**
 * Group-buy procurement (以销定采): purchase orders from a formed campaign's demand, rounded to
 * case packs with a loss buffer; xlsx and print; receiving into stock; first-come allocation of
 * what arrived to the presale orders through the campaign's ports.
 */
import './events.js';

export { registerProcurementRoutes, type ProcurementOptions } from './routes.js';
export { createPurchaseOrdersForCampaign, type CreatePurchaseOrdersInput } from './use-cases/create-purchase-orders.js';
export { receivePurchaseOrder } from './use-cases/receive-purchase-order.js';
export { sendPurchaseOrder } from './use-cases/send-purchase-order.js';
export { closePurchaseOrder } from './use-cases/close-purchase-order.js';
export { allocateReceived, type AllocateReceivedInput } from './use-cases/allocate-received.js';
export { setProcurementSettings } from './use-cases/set-procurement-settings.js';
export { expectedFromSuppliers, incomingFromSuppliers, getPurchaseOrder, listPurchaseOrders, purchaseOrdersOfCampaign } from './po.repo.js';
export { allocateFirstCome, type Allocation, type AllocatedLine, type PresaleDemandLine } from './allocate.js';
export { planPurchaseOrders, roundToCases, DEFAULT_LOSS_BUFFER_BP, type DemandLine } from './plan.js';
export type { AllocationPorts } from './ports.js';
export * from './contract.js';
