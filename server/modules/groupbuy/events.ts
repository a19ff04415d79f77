/** Events of the group-buy channel (outbox). */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    'groupbuy.campaign_saved': { campaignId: string; status: string };
    'groupbuy.campaign_closed': { campaignId: string };
    'groupbuy.campaign_cancelled': { campaignId: string };
    /** a neighbour joined; `who` is already masked (张**): the payload goes to the public 接龙 list */
    'groupbuy.joined': { campaignId: string; orderId: string; seq: number; who: string; summary: string; at: string };
    /** the 接龙 line `seq` left the list (withdrawn, refunded, dropped at the cut-off): every open list removes it */
    'groupbuy.entry_withdrawn': { campaignId: string; orderId: string; seq?: number; at?: string };
    /** procurement turns the demand into purchase orders (以销定采) */
    'groupbuy.campaign_formed': { campaignId: string; demand: Array<{ skuId: string; supplierId: string | null; qty: number }> };
    'groupbuy.campaign_failed': { campaignId: string; buyers: number; qty: number };
    /** 未提货 ladder: the reminder went out / the order was closed (refund, store credit, cancelled) */
    'groupbuy.no_show_reminded': { orderId: string; campaignId: string };
    'groupbuy.no_show_closed': { orderId: string; campaignId: string; outcome: string; refundFen: number; creditFen: number };
  }
}

export {};
