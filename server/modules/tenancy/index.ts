/** Tenancy: organisations, stores, staff accounts and browser sessions. */
export { registerTenancyRoutes } from './routes.js';
export { createOrganisation, type NewOrganisation, type CreatedOrganisation } from './use-cases/create-organisation.js';
export { createSession, revokeSession, SESSION_DAYS } from './session.repo.js';
export { storeById } from './tenancy.repo.js';
export { hashPassword } from './password.js';
export * as tenancyTables from './tables.js';
