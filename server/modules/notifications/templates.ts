import { formatYuan } from '../../kernel/money.js';
import type { NotificationTemplate } from './contract.js';

type Params = Record<string, string | number>;

/**
 * The parameters each template reads; callers may pass more (ids for the record), which are
 * kept with the message but not shown.
 */
export interface TemplateParams {
  otp: { code: string } & Params;
  /** dueFen: what is still to pay at the counter (pay at pickup), 0 or absent when paid */
  order_ready: { pickupCode: string; dueFen?: number } & Params;
  order_refunded: { amountFen: number } & Params;
  pickup_reminder: { pickupCode: string } & Params;
  /** a free text from the store, e.g. a notice to the neighbours who joined a group buy */
  generic: { text: string } & Params;
  /** 售后 approved: refundFen goes back to the original payment */
  after_sales_approved: { refundFen: number } & Params;
  after_sales_rejected: { note: string } & Params;
  /** 未提货 closed: refundFen back to the payment, creditFen as store credit (either may be 0) */
  no_show_closed: { pickupCode: string; refundFen: number; creditFen: number } & Params;
}

/** Who the message is from: the SMS signature (the organisation's brand) and the store. */
export interface Sender {
  brand: string;
  storeName: string;
}

const TEMPLATES: { [T in NotificationTemplate]: (p: TemplateParams[T], s: Sender) => string } = {
  otp: (p, s) => `【${s.brand}】验证码 ${p.code}，5分钟内有效`,
  order_ready: (p, s) =>
    `【${s.brand}】您的订单已备好，请凭提货码 ${p.pickupCode} 到${s.storeName}自提` +
    (p.dueFen ? `，取货时付款 ${formatYuan(p.dueFen)}` : ''),
  order_refunded: (p, s) => `【${s.brand}】您在${s.storeName}的订单已退款 ${formatYuan(p.amountFen)}，将原路退回`,
  pickup_reminder: (p, s) => `【${s.brand}】您在${s.storeName}的订单还未提货，提货码 ${p.pickupCode}，请尽快到店领取`,
  generic: (p, s) => `【${s.brand}】${p.text}`,
  after_sales_approved: (p, s) => `【${s.brand}】您在${s.storeName}的售后申请已通过，退款 ${formatYuan(p.refundFen)} 将原路退回`,
  after_sales_rejected: (p, s) => `【${s.brand}】您在${s.storeName}的售后申请未通过：${p.note}。如有疑问请联系门店`,
  no_show_closed: (p, s) =>
    `【${s.brand}】您在${s.storeName}的订单（提货码 ${p.pickupCode}）超时未提货，已关闭` +
    (p.refundFen ? `，退款 ${formatYuan(p.refundFen)} 将原路退回` : '') +
    (p.creditFen ? `，${formatYuan(p.creditFen)} 已存入店铺余额` : ''),
};

export function renderMessage<T extends NotificationTemplate>(template: T, params: TemplateParams[T], sender: Sender): string {
  return TEMPLATES[template](params, sender);
}

/** The outbox page of a store with a real SMS provider must not show login codes to staff. */
export function redactOtp(body: string): string {
  return body.replace(/\d{6}/g, '******');
}
