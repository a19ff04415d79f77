import { AppError } from '../../../kernel/errors.js';
import type { PaymentProvider } from './provider.js';

/**
 * Money taken at the counter (pay at pickup, cash at the POS): nothing to prepay, the staff
 * member records what was collected; a refund is cash handed back, so it succeeds at once.
 */
export function counterProvider(name: 'pay_at_pickup' | 'cash'): PaymentProvider {
  return {
    name,
    async prepay() {
      throw new AppError('PAYMENT_METHOD_UNAVAILABLE', { provider: name, reason: 'collected at the counter' });
    },
    async refund(p) {
      return { status: 'succeeded', providerRef: `counter:${p.refundId}` };
    },
  };
}
