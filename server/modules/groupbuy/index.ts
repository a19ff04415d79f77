/** Group buying (接龙 / presale): campaigns, joins under caps, the public 接龙 list, the cut-off. */
import './events.js';

export { registerGroupbuy } from './register.js';
export { createCampaign } from './campaigns/create-campaign.js';
export { editCampaign } from './campaigns/update-campaign.js';
export { closeCampaign, cancelCampaign } from './campaigns/close-campaign.js';
export { getCampaign, listCampaigns, publicCampaign } from './campaigns/queries.js';
export { priceAt } from './campaigns/pricing.js';
export { joinCampaign } from './join/join-campaign.js';
export { cancelMyEntry, withdrawEntry } from './join/withdraw-entry.js';
export { runCutoff, CUTOFF_JOB } from './cutoff/cutoff-job.js';
export { settleCampaign, type SettleOptions } from './cutoff/settle-campaign.js';
export * from './contract.js';
export { allocationPorts, SHORTAGE_REASON } from './fulfil/allocation-ports.js';
export * from './procurement/index.js';
