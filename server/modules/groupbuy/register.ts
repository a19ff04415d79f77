import type { AppDeps } from '../../app.js';
import { systemCtx } from '../../db/system-ctx.js';
import { inTx } from '../../db/tx.js';
import type { App } from '../../http/types.js';
import type { Job } from '../../jobs/scheduler.js';
import { relayToRealtime, topics } from '../../realtime/index.js';
import type { PaymentsPort } from '../orders/index.js';
import { findCampaign, itemsOf, progressOf, shownProgress } from './campaigns/campaign.repo.js';
import { CUTOFF_JOB, runCutoff } from './cutoff/cutoff-job.js';
import { withdrawEntries } from './join/release-entries.js';
import { registerGroupbuyRoutes } from './routes.js';
import { registerShareRoutes } from './share/routes.js';
import { NO_SHOW_JOB, runNoShows } from './noshow/no-show-job.js';
import { registerNoShowRoutes } from './noshow/routes.js';

/**
 * Routes, the realtime 接龙 list (campaign:<id>, public: entries are already masked), the caps
 * given back when orders cancels or fully refunds a group-buy order by itself (payment timeout,
 * console refund), and the cut-off job.
 */
export function registerGroupbuy(app: App, deps: AppDeps, ports: { payments: PaymentsPort }): Job[] {
  registerGroupbuyRoutes(app, deps, ports);
  registerShareRoutes(app, deps);
  registerNoShowRoutes(app, deps);

  deps.realtime.allowPublic('campaign');
  relayToRealtime(deps.dispatcher, deps.realtime, 'groupbuy.joined', (e) => ({
    topic: topics.campaign(e.payload.campaignId),
    type: 'campaign_entry',
    payload: { seq: e.payload.seq, who: e.payload.who, summary: e.payload.summary, at: e.payload.at },
  }));
  // durable, after commit: every open 接龙 list (and one that reconnects later) removes the line
  relayToRealtime(deps.dispatcher, deps.realtime, 'groupbuy.entry_withdrawn', (e) =>
    e.payload.seq === undefined
      ? null
      : { topic: topics.campaign(e.payload.campaignId), type: 'campaign_entry_removed', payload: { seq: e.payload.seq, at: e.payload.at ?? e.createdAt.toISOString() } },
  );

  const jobDeps = { clock: deps.clock, outboxWake: deps.ctx.outboxWake };
  // 成团 progress (volatile, latest wins): distinct buyers against the goal when the goal is buyers,
  // one signal per campaign per outbox batch (a busy 接龙 or a failed close does not recount per event)
  // (never throws: a retried event would publish its durable 接龙 entry twice)
  const progress = async (events: Array<{ orgId: string; storeId: string; payload: { campaignId: string } }>) => {
    const latest = new Map(events.map((e) => [e.payload.campaignId, e]));
    for (const e of latest.values()) {
      try {
        const ctx = systemCtx(deps.ctx.db, e, 'groupbuy.progress', jobDeps);
        const c = await findCampaign(ctx, e.payload.campaignId);
        // decided: the progress shown is the one at cut-off and no longer moves (a failed close withdraws every entry)
        if (c.status !== 'open' && c.status !== 'closed') continue;
        const p = shownProgress(c, await itemsOf(ctx, c.id), await progressOf(ctx, c.id));
        await deps.realtime.signal(topics.campaign(c.id), 'campaign_progress', { joined: p.buyers, goal: c.minKind === 'buyers' ? c.minValue : null });
      } catch (err) {
        deps.log('groupbuy: progress signal failed', err);
      }
    }
  };
  deps.dispatcher.onBatch('groupbuy.joined', progress);
  deps.dispatcher.onBatch('groupbuy.entry_withdrawn', progress);
  // orders cancelled or refunded in full by themselves (payment timeout, console refund) give their
  // caps back: once per entry (withdrawEntries turns only active ones), one transaction per store per batch
  const giveBack = async (events: Array<{ orgId: string; storeId: string; payload: { orderId: string; channel: string } }>) => {
    const byStore = new Map<string, { orgId: string; storeId: string; orderIds: string[] }>();
    for (const e of events) {
      if (e.payload.channel !== 'groupbuy') continue;
      const s = byStore.get(e.storeId) ?? { orgId: e.orgId, storeId: e.storeId, orderIds: [] };
      s.orderIds.push(e.payload.orderId);
      byStore.set(e.storeId, s);
    }
    for (const s of byStore.values()) {
      await inTx(systemCtx(deps.ctx.db, s, 'groupbuy.caps', jobDeps), (tx) => withdrawEntries(tx, s.orderIds));
    }
  };
  deps.dispatcher.onBatch('order.cancelled', giveBack);
  deps.dispatcher.onBatch('order.refunded', (events) => giveBack(events.filter((e) => e.payload.full)));

  return [
    { name: CUTOFF_JOB, everyMs: 15_000, run: async () => void (await runCutoff(deps.ctx.db, { ...jobDeps, payments: ports.payments })) },
    // 未提货 ladder: reminder on the pickup evening, closed after the grace days
    { name: NO_SHOW_JOB, everyMs: 60_000, run: async () => void (await runNoShows(deps.ctx.db, { ...jobDeps, payments: ports.payments })) },
  ];
}
