/** the demo store seeded on first start (server/seed/demo.ts) */
export const DEMO_SLUG = 'xiangkou';
export const BRAND_COLOR = '#fa541c';
/** a pickup code: 8 digits, unique among the store's open orders */
export const PICKUP_CODE_LENGTH = 8;
