/** Group buying (接龙 / presale): campaigns, joins under caps, the public 接龙 list, the cut-off. */
import './events.js';

export { registerGroupbuy } from './register.js';
export { createCampaign } from './campaigns/create-campaign.js';
export { editCampaign } from './campaigns/update-campaign.js';
export { closeCampaign, cancelCampaign } from './campaigns/close-campaign.js';
export { getCampaign, listCampaigns, publicCampaign } from './campaigns/queries.js';
export { priceAt } from './campaigns/pricing.js';
export { joinCampaign, type JoinOptions } from './join/join-campaign.js';
export { summariseCampaign, listOpenCampaigns, toSummary } from './campaigns/summary.js';
export { posterData, campaignPoster, shareUrl } from './share/poster.js';
export { cancelMyEntry, withdrawEntry } from './join/withdraw-entry.js';
export { runCutoff, CUTOFF_JOB } from './cutoff/cutoff-job.js';
export { settleCampaign, type SettleOptions } from './cutoff/settle-campaign.js';
export * from './contract.js';
export { allocationPorts, SHORTAGE_REASON } from './fulfil/allocation-ports.js';
export * from './procurement/index.js';
export { runNoShows, NO_SHOW_JOB } from './noshow/no-show-job.js';
export { advanceNoShow, NO_SHOW_REASON, NO_SHOW_CREDIT_REASON } from './noshow/advance-no-show.js';
export { listNoShows } from './noshow/list-no-shows.js';
export { getGroupbuySettings, setGroupbuySettings } from './noshow/settings.js';
