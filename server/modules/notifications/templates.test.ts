import { describe, expect, it } from 'vitest';
import { redactOtp, renderMessage } from './templates.js';

const sender = { brand: '巷口优选', storeName: '巷口优选 · 幸福里店' };

describe('message templates (zh-CN)', () => {
  it('signs every message with the brand and says what the neighbour needs', () => {
    expect(renderMessage('otp', { code: '123456' }, sender)).toBe('【巷口优选】验证码 123456，5分钟内有效');
    expect(renderMessage('order_ready', { pickupCode: '20261125', dueFen: 0 }, sender)).toBe(
      '【巷口优选】您的订单已备好，请凭提货码 20261125 到巷口优选 · 幸福里店自提',
    );
    expect(renderMessage('order_ready', { pickupCode: '20261125', dueFen: 1250 }, sender)).toMatch(/取货时付款 ¥12\.50$/);
    expect(renderMessage('order_refunded', { amountFen: 3990, orderId: 'x' }, sender)).toBe(
      '【巷口优选】您在巷口优选 · 幸福里店的订单已退款 ¥39.90，将原路退回',
    );
    expect(renderMessage('pickup_reminder', { pickupCode: '12345678' }, sender)).toContain('提货码 12345678');
    expect(renderMessage('generic', { text: '今晚 8 点直播，草莓到货' }, sender)).toBe('【巷口优选】今晚 8 点直播，草莓到货');
  });

  it('tells the neighbour how an after-sales ticket and a no-show ended, in yuan', () => {
    expect(renderMessage('after_sales_approved', { refundFen: 800 }, sender)).toBe('【巷口优选】您在巷口优选 · 幸福里店的售后申请已通过，退款 ¥8.00 将原路退回');
    expect(renderMessage('after_sales_rejected', { note: '已补偿' }, sender)).toContain('未通过：已补偿');
    expect(renderMessage('no_show_closed', { pickupCode: '12345678', refundFen: 2500, creditFen: 0 }, sender)).toMatch(/超时未提货，已关闭，退款 ¥25\.00 将原路退回$/);
    expect(renderMessage('no_show_closed', { pickupCode: '12345678', refundFen: 0, creditFen: 3990 }, sender)).toMatch(/已关闭，¥39\.90 已存入店铺余额$/);
  });

  it('hides the login code when staff must not read it', () => {
    expect(redactOtp('【巷口优选】验证码 123456，5分钟内有效')).toBe('【巷口优选】验证码 ******，5分钟内有效');
  });
});
