import { maskPhone } from '../../kernel/privacy.js';
import type { NotificationAdapter } from './delivery.js';

/**
 * Development delivery: the message goes to the app log (masked number, full text) and stays
 * readable on the console outbox page, where the owner reads login codes until an SMS provider
 * is configured.
 */
export function devNotificationAdapter(info: (line: string) => void): NotificationAdapter {
  return {
    kind: 'dev',
    async send(m) {
      info(`[sms dev] → ${maskPhone(m.phone)} ${m.body}`);
    },
  };
}
