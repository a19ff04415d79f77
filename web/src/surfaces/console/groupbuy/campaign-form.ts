import type { Dayjs } from 'dayjs';
import { isApiError } from '../../../api/client.js';
import type { CampaignInput, CampaignView } from '../../../api/types.js';
import { fenToYuan, yuanToFen } from '../../../lib/money.js';
import { defaultTimes, isoOfPicker, pickerOf } from './wall-time.js';

export interface TierValues {
  minQty?: number;
  priceYuan?: number;
}
export interface ItemValues {
  id?: string;
  skuId?: string;
  priceYuan?: number;
  /** a SKU attribute in the catalog: changed there on save when it differs */
  supplierId?: string | null;
  totalCap?: number | null;
  perPersonCap?: number | null;
  tiers?: TierValues[];
}
export interface SlotValues {
  id?: string;
  label?: string;
  capacity?: number;
}
export interface CampaignFormValues {
  title: string;
  description?: string;
  status: 'draft' | 'open';
  openAt: Dayjs;
  cutoffAt: Dayjs;
  pickupDate: Dayjs;
  minKind: 'buyers' | 'qty';
  minValue?: number | null;
  items: ItemValues[];
  slots?: SlotValues[];
}

const fen = (y: number | undefined) => yuanToFen(y ?? null) ?? 0;
const orNull = (n: number | null | undefined) => (n == null ? null : n);

export function toFormValues(c: CampaignView | null): CampaignFormValues {
  if (!c) {
    return { title: '', description: '', status: 'open', ...defaultTimes(), minKind: 'buyers', minValue: 0, items: [{ tiers: [] }], slots: [] };
  }
  return {
    title: c.title,
    description: c.description,
    status: c.status === 'draft' ? 'draft' : 'open',
    openAt: pickerOf(c.openAt),
    cutoffAt: pickerOf(c.cutoffAt),
    pickupDate: pickerOf(`${c.pickupDate}T12:00:00+08:00`).startOf('day'),
    minKind: c.minKind,
    minValue: c.minValue,
    items: c.items.map((i) => ({
      id: i.id,
      skuId: i.skuId,
      priceYuan: fenToYuan(i.priceFen),
      supplierId: i.supplierId,
      totalCap: i.totalCap,
      perPersonCap: i.perPersonCap,
      tiers: i.tiers.map((t) => ({ minQty: t.minQty, priceYuan: fenToYuan(t.priceFen) })),
    })),
    slots: c.slots.map((s) => ({ id: s.id, label: s.label, capacity: s.capacity })),
  };
}

/** form values (元, store wall-clock times) → the wire (fen, UTC ISO) */
export function toInput(v: CampaignFormValues): CampaignInput {
  return {
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    status: v.status,
    openAt: isoOfPicker(v.openAt),
    cutoffAt: isoOfPicker(v.cutoffAt),
    pickupDate: v.pickupDate.format('YYYY-MM-DD'),
    minKind: v.minKind,
    minValue: v.minValue ?? 0,
    items: v.items.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      skuId: i.skuId!,
      priceFen: fen(i.priceYuan),
      tiers: (i.tiers ?? []).filter((t) => t.minQty != null && t.priceYuan != null).map((t) => ({ minQty: t.minQty!, priceFen: fen(t.priceYuan) })),
      totalCap: orNull(i.totalCap),
      perPersonCap: orNull(i.perPersonCap),
    })),
    slots: (v.slots ?? []).filter((s) => s.label?.trim()).map((s) => ({ ...(s.id ? { id: s.id } : {}), label: s.label!.trim(), capacity: s.capacity ?? 1 })),
  };
}

export type FieldPath = (string | number)[];

/** server reasons (CAMPAIGN_INVALID details.reason) → i18n key under campaigns.err */
const REASONS: Record<string, string> = {
  'cut-off must be after the open time': 'cutoffBeforeOpen',
  'pickup date before the cut-off': 'pickupBeforeCutoff',
  'a SKU appears twice': 'skuTwice',
  'tier quantities must differ': 'tierQtySame',
  'each tier must be cheaper than the one below it': 'tierNotCheaper',
  'per-person cap above the total cap': 'personAboveTotal',
  'cap below sold': 'capBelowSold',
  'slot already booked': 'slotBooked',
  'item already sold': 'itemSold',
  'sku of a sold item': 'itemSold',
};

/**
 * Where a server error belongs in the form and what to say: `key` is an i18n key under
 * campaigns.err (null: only the server's own message), `field` the form path to mark.
 */
export function explainError(e: unknown, v: CampaignFormValues): { key: string | null; field: FieldPath | null; params: Record<string, unknown> } {
  if (!isApiError(e)) return { key: null, field: null, params: {} };
  const d = e.details as { reason?: string; skuId?: string; itemId?: string; slotId?: string; sold?: number; booked?: number; issues?: { path: string }[] };
  const itemIdx = v.items.findIndex((i) => (d.itemId && i.id === d.itemId) || (d.skuId && i.skuId === d.skuId));
  const slotIdx = (v.slots ?? []).findIndex((s) => d.slotId && s.id === d.slotId);
  const key = d.reason ? (REASONS[d.reason] ?? null) : e.code === 'SKU_INACTIVE' ? 'skuInactive' : e.code === 'SKU_NOT_FOUND' ? 'skuMissing' : null;
  const params = { sold: d.sold, booked: d.booked, n: itemIdx + 1 };
  let field: FieldPath | null = null;
  if (key === 'cutoffBeforeOpen') field = ['cutoffAt'];
  else if (key === 'pickupBeforeCutoff') field = ['pickupDate'];
  else if (key === 'slotBooked' && slotIdx >= 0) field = ['slots', slotIdx, 'capacity'];
  else if (itemIdx >= 0) {
    const leaf = key === 'personAboveTotal' ? 'perPersonCap' : key === 'capBelowSold' ? 'totalCap' : key?.startsWith('tier') ? 'priceYuan' : 'skuId';
    field = ['items', itemIdx, leaf];
  } else if (e.code === 'VALIDATION_FAILED' && d.issues?.[0]) {
    // "/items/0/priceFen" → items.0.priceYuan
    const p = d.issues[0].path.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/Fen$/, 'Yuan')));
    if (p.length) field = p;
  }
  return { key, field, params };
}
