/**
 * The shapes the web app reads and sends. Types only (erased at build): nothing from server/
 * reaches the bundle. Where a module's contract.ts has not landed yet, the shape below follows
 * docs/PLAN-foundation.md's URL plan and is marked PROVISIONAL.
 */
export type { StaffMe } from '../../../server/modules/tenancy/contract.js';
export type {
  CategoryView,
  SupplierView,
  ProductView,
  SkuView,
  ShopProduct,
  CreateProductInput,
  UpdateProductInput,
  NewSkuInput,
  SkuChangeInput,
} from '../../../server/modules/catalog/contract.js';
export type { CustomerMe, ShopStoreInfo, CustomerPage } from '../../../server/modules/customers/contract.js';
export type {
  OrderView,
  StaffOrderView,
  OrderCustomer,
  OrderLineView,
  OrderStatus,
  OrderChannel,
  PaymentMethod,
  ShopOrderBody,
  PayOrderResult,
  RefundOrderBody,
  RefundResult,
  VerificationView,
  VerificationResult,
  PickupLookup,
} from '../../../server/modules/orders/contract.js';

export type StaffRole = 'owner' | 'manager' | 'staff';
export interface StaffMember {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

export type { StockRow, MovementView, MovementKind, StockChange } from '../../../server/modules/inventory/contract.js';
export type { OutboxMessage, NotificationTemplate, MessageStatus } from '../../../server/modules/notifications/contract.js';
export type { RefundView, RefundStatus, PaymentView, StartedPayment, SandboxSettings } from '../../../server/modules/payments/contract.js';
export type {
  CampaignInput,
  CampaignView,
  CampaignItemView,
  CampaignStatus,
  EntryView,
  PublicCampaignView,
  NoShowView,
  NoShowStep,
  GroupbuySettings,
  SkuAvailabilityView,
} from '../../../server/modules/groupbuy/contract.js';
export type {
  PoListQuery,
  PoStatus,
  PoLineView,
  PurchaseOrderSummary,
  PurchaseOrderView,
  ReceiptInput,
  ReceiptView,
  AllocationView,
} from '../../../server/modules/groupbuy/procurement/contract.js';
