import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PaymentProvider, PrepayInput, PrepayResult, RefundInput, RefundResult } from './provider.js';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** HMAC-SHA256 of the exact body bytes, hex: what the sandbox wallet server puts in its header. */
export function signSandboxBody(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

export function verifySandboxSignature(secret: string, rawBody: string, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signSandboxBody(secret, rawBody), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The sandbox payment provider: the real asynchronous shape without real money. Prepay hands
 * the client a one-time confirm token for the wallet sheet; the wallet server (sandbox-wallet.ts)
 * then sends a signed notification. Refunds succeed unless told to fail (tests, demos).
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  /** fail every refund (test hook) */
  failRefunds = false;
  /** stores whose refunds fail (the console's sandbox settings, non-production only) */
  readonly failRefundsFor = new Set<string>();

  constructor(private readonly secret: string) {}

  async prepay(p: PrepayInput): Promise<PrepayResult> {
    const confirmToken = randomBytes(24).toString('base64url');
    return {
      clientPayload: { paymentId: p.paymentId, confirmToken },
      confirmTokenHash: hashToken(confirmToken),
    };
  }

  async refund(p: RefundInput): Promise<RefundResult> {
    if (this.refundsFail(p.storeId)) return { status: 'failed', error: 'sandbox: refunds are set to fail' };
    return { status: 'succeeded', providerRef: `sandbox-refund:${p.refundId}` };
  }

  verifyNotification(rawBody: string, signature: string | undefined): boolean {
    return verifySandboxSignature(this.secret, rawBody, signature);
  }

  refundsFail(storeId: string): boolean {
    return this.failRefunds || this.failRefundsFor.has(storeId);
  }

  setFailRefunds(storeId: string, on: boolean): void {
    if (on) this.failRefundsFor.add(storeId);
    else this.failRefundsFor.delete(storeId);
  }
}
