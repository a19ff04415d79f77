import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { PickupCodeParam, PickupLookup, VerificationResult, VerifyPickupBody } from '../contract.js';
import type { OrdersPorts } from '../ports.js';
import { lookupPickup } from './use-cases/lookup-pickup.js';
import { undoVerification } from './use-cases/undo-verification.js';
import { verifyPickup } from './use-cases/verify-pickup.js';

const tags = ['counter'];

/** The counter's pickup screen (linli_staff cookie, any role). */
export function registerPickupRoutes(app: App, deps: AppDeps, ports: OrdersPorts): void {
  app.get(
    '/api/counter/pickups/:code',
    {
      schema: {
        tags,
        summary: '查提货码 Look up a pickup code',
        description: 'Codes that match nothing are counted; too many → RATE_LIMITED.',
        params: PickupCodeParam,
        response: { 200: PickupLookup },
      },
    },
    async (req) => lookupPickup(await staffCtx(deps.ctx, req), req.params.code),
  );

  app.post(
    '/api/counter/verifications',
    {
      schema: {
        tags,
        summary: '核销 Verify a pickup',
        description: 'Idempotent by requestId: a retry returns the first verification.',
        body: VerifyPickupBody,
        response: { 200: VerificationResult },
      },
    },
    async (req) => verifyPickup(await staffCtx(deps.ctx, req), req.body, ports.payments),
  );

  app.post(
    '/api/counter/verifications/:id/undo',
    {
      schema: {
        tags,
        summary: '撤销核销 Undo a verification (within 1 h)',
        params: z.object({ id: z.uuid() }),
        response: { 200: VerificationResult },
      },
    },
    async (req) => undoVerification(await staffCtx(deps.ctx, req), req.params.id),
  );
}
