/** Commerce in the live room: flash sales (秒杀), store-visit vouchers, presale joins, the show's sales. */
import './events.js';

export { showSalesStats } from './stats.repo.js';
export { registerLiveCommerce, type LiveCommercePorts } from './register.js';
export { FlashSaleEngine } from './engine.js';
