import { describe, expect, it } from 'vitest';
import { devNotificationAdapter } from './dev-adapter.js';

describe('development notification adapter', () => {
  it('writes the message to the log with the number masked', async () => {
    const lines: string[] = [];
    await devNotificationAdapter((l) => lines.push(l)).send({
      id: 'm1',
      storeId: 's1',
      channel: 'sms',
      phone: '13812341234',
      template: 'otp',
      body: '【巷口优选】验证码 123456，5分钟内有效',
    });
    expect(lines).toEqual(['[sms dev] → 138****1234 【巷口优选】验证码 123456，5分钟内有效']);
  });
});
