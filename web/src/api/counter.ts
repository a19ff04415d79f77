import { get, post } from './client.js';
import type { PickupLookup, VerificationResult } from './types.js';

export const counterApi = {
  lookup: (code: string) => get<PickupLookup>(`/api/counter/pickups/${code}`),
  verify: (code: string, requestId: string, device?: string) =>
    post<VerificationResult>('/api/counter/verifications', { code, requestId, device }),
  undo: (verificationId: string) => post<VerificationResult>(`/api/counter/verifications/${verificationId}/undo`),
};
