/** Procurement events: POs built at cut-off, sent, received, and the first-come allocation. */
declare module '../../../kernel/events.js' {
  interface DomainEvents {
    'groupbuy.po_created': { purchaseOrderId: string; campaignId: string; supplierId: string | null; number: string };
    'groupbuy.po_sent': { purchaseOrderId: string };
    'groupbuy.po_closed': { purchaseOrderId: string; previousStatus: string };
    'groupbuy.po_received': {
      purchaseOrderId: string;
      receiptId: string;
      status: 'draft' | 'sent' | 'partially_received' | 'received' | 'closed';
      lines: Array<{ poLineId: string; skuId: string; receivedQty: number }>;
    };
    'groupbuy.po_allocated': { campaignId: string; skuId: string; receivedQty: number; allocatedQty: number; shortQty: number };
  }
}

export {};
