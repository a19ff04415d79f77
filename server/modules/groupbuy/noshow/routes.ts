import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { GroupbuySettings, NoShowQuery, NoShowView } from '../contract.js';
import { listNoShows } from './list-no-shows.js';
import { getGroupbuySettings, setGroupbuySettings } from './settings.js';

const tags = ['groupbuy'];

/** The 未提货 ladder in the console, and the store's grace period. */
export function registerNoShowRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/console/no-shows',
    { schema: { tags, summary: '未提货 No-show ladder: waiting, reminded, closed', querystring: NoShowQuery, response: { 200: z.array(NoShowView) } } },
    async (req) => listNoShows(await staffCtx(deps.ctx, req), req.query.step),
  );
  app.get(
    '/api/console/groupbuy/settings',
    { schema: { tags, summary: '团购设置 Group-buy settings (no-show grace days)', response: { 200: GroupbuySettings } } },
    async (req) => getGroupbuySettings(await staffCtx(deps.ctx, req)),
  );
  app.put(
    '/api/console/groupbuy/settings',
    { schema: { tags, summary: '修改团购设置 Change group-buy settings. Owner or manager.', body: GroupbuySettings, response: { 200: GroupbuySettings } } },
    async (req) => setGroupbuySettings(await staffCtx(deps.ctx, req, ['owner', 'manager']), req.body),
  );
}
