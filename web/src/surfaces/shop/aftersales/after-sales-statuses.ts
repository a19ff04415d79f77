/** a ticket is about goods paid for: paid, ready or picked up (the server checks it too) */
export const AFTER_SALES_STATUSES: ReadonlySet<string> = new Set(['paid', 'ready_for_pickup', 'picked_up']);
