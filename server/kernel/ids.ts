import { randomInt, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A numeric code of `digits` digits from a CSPRNG (pickup codes, one-time passwords). */
export function numericCode(digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += String(randomInt(10));
  return s;
}
