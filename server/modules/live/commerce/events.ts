/** Domain events of commerce in the live room (relayed to room:<showId> after commit). */
declare module '../../../kernel/events.js' {
  interface DomainEvents {
    /** a flash sale opened, sold (one batch) or ended: its latest state, and who bought in this batch */
    'live.flash_sale_changed': {
      showId: string;
      sale: {
        flashSaleId: string;
        skuId: string;
        title: string;
        priceFen: number;
        originalPriceFen: number;
        total: number;
        remaining: number;
        perPersonLimit: number;
        endsAt: string;
        status: 'open' | 'sold_out' | 'ended';
      };
      /** available to promise of the SKU after the change */
      available: number;
      ticker: Array<{ who: string; what: string; qty: number }>;
      at: string;
    };
    'live.voucher_drop_changed': { showId: string; dropId: string; title: string; total: number; remaining: number; endsAt: string };
    'live.voucher_redeemed': { showId: string; voucherId: string; customerId: string; redeemedAt: string };
  }
}

export {};
