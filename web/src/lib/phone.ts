/**
 * '+86 138 1234 1234' → '13812341234', or null. Mirrors normalisePhone in
 * server/modules/customers/contract.ts (copied, not imported: importing a value from a contract
 * would pull zod into the shop's first load).
 */
export function normalisePhone(raw: string): string | null {
  const p = raw.replace(/[\s\-()]/g, '').replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(p) ? p : null;
}

export const OTP_DIGITS = 6;
