import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../kernel/clock.js';
import { refundRetryDelayMs } from './backoff.js';
import { signSandboxBody, verifySandboxSignature } from './providers/sandbox.js';

const secret = 'unit-test-secret-0123456789';

describe('sandbox notification signature', () => {
  const body = JSON.stringify({ notifyId: 'n-1', paymentId: 'p', amountFen: 1990, status: 'SUCCESS' });

  it('accepts the body it signed', () => {
    expect(verifySandboxSignature(secret, body, signSandboxBody(secret, body))).toBe(true);
  });

  it('refuses a tampered body (one fen more)', () => {
    const sig = signSandboxBody(secret, body);
    expect(verifySandboxSignature(secret, body.replace('1990', '1991'), sig)).toBe(false);
  });

  it('refuses a body signed with another secret', () => {
    expect(verifySandboxSignature(secret, body, signSandboxBody('another-secret-0123456789', body))).toBe(false);
  });

  it('refuses a missing, short or non-hex signature without throwing', () => {
    for (const sig of [undefined, '', 'abc', 'z'.repeat(64), signSandboxBody(secret, body).slice(0, 62)]) {
      expect(verifySandboxSignature(secret, body, sig)).toBe(false);
    }
  });
});

describe('refund retry backoff', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 6 h, then a day between attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(refundRetryDelayMs)).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, DAY, DAY]);
  });
});
