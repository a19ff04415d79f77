import { useRef, useState } from 'react';
import { sandboxWallet } from '../../api/shop.js';
import type { OrderView, PayOrderResult } from '../../api/types.js';
import { newId } from '../../lib/ids.js';
import { isApiError } from '../../api/client.js';
import { useShop } from './shop-context.js';

export type PayPhase = 'closed' | 'preparing' | 'wallet' | 'confirming' | 'waiting';

const POLL_MS = 700;
const POLL_LIMIT_MS = 30_000;

/**
 * The sandbox has the real asynchronous shape: prepay → the wallet's 确认支付 → the wallet server
 * sends a signed notification → the order turns paid. So after confirming, poll the order.
 */
export function useSandboxPay(onPaid: (o: OrderView) => void, onError: (e: unknown) => void) {
  const { api } = useShop();
  const [phase, setPhase] = useState<PayPhase>('closed');
  const [order, setOrder] = useState<OrderView | null>(null);
  const payment = useRef<PayOrderResult | null>(null);
  // one Idempotency-Key per order's payment: reopening the wallet for the same order reuses it
  const keys = useRef(new Map<string, string>());

  const open = async (o: OrderView) => {
    setOrder(o);
    setPhase('preparing');
    let key = keys.current.get(o.id);
    if (!key) keys.current.set(o.id, (key = newId()));
    try {
      payment.current = await api.pay(o.id, key);
      setPhase('wallet');
    } catch (e) {
      if (isApiError(e) && e.definite) keys.current.delete(o.id);
      setPhase('closed');
      onError(e);
    }
  };

  const confirm = async () => {
    const p = payment.current;
    if (!p || !order) return;
    setPhase('confirming');
    try {
      await sandboxWallet.confirm(p.paymentId, p.confirmToken);
    } catch (e) {
      setPhase('wallet');
      return onError(e);
    }
    setPhase('waiting');
    const until = Date.now() + POLL_LIMIT_MS;
    let latest = order;
    while (Date.now() < until) {
      latest = await api.order(order.id).catch(() => latest);
      if (latest.status !== 'pending_payment') break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    onPaid(latest);
    setPhase('closed');
  };

  return { phase, order, amountFen: order?.totalFen ?? 0, open, confirm, close: () => setPhase('closed') };
}
