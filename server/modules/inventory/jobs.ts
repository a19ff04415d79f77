import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/ctx.js';
import type { Job } from '../../jobs/scheduler.js';
import { RELEASE_EXPIRED_JOB, releaseExpiredReservations } from './use-cases/release-expired-reservations.js';

/** Every 30 s: unpaid holds past their expiry go back on the shelf. */
export function releaseExpiredJob(deps: { db: Db; clock: Clock; outboxWake: () => void }): Job {
  return {
    name: RELEASE_EXPIRED_JOB,
    everyMs: 30_000,
    run: async () => {
      await releaseExpiredReservations(deps.db, deps.clock.now(), { clock: deps.clock, outboxWake: deps.outboxWake });
    },
  };
}
