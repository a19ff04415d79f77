import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, type ErrorCode } from '../kernel/errors.js';
import { requestLang } from './lang.js';

/** Every error leaves as `{ code, message, details }` with the status from the code table. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = requestLang(req);
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      appErr = new AppError('VALIDATION_FAILED', {
        issues: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      });
    } else if (err.validation) {
      appErr = new AppError('VALIDATION_FAILED', { issues: err.validation.map((v) => ({ path: v.instancePath, message: v.message })) });
    } else if (err.statusCode === 429) appErr = new AppError('RATE_LIMITED');
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code: ErrorCode = err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 401 ? 'UNAUTHENTICATED' : 'VALIDATION_FAILED';
      appErr = new AppError(code, { reason: err.message });
    } else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    return reply.status(appErr.status).send(errorBody(appErr, lang));
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError('NOT_FOUND', { route: `${req.method} ${req.url.split('?')[0]}` });
    return reply.status(404).send(errorBody(e, requestLang(req)));
  });
}
