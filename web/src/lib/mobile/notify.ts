import { Toast } from 'antd-mobile';
import i18next from 'i18next';
import { ApiError } from '../../api/client.js';

/** antd-mobile toasts for the shop: an ApiError shows the server's message (already in the user's language). */
export function toastError(e: unknown): void {
  const content = e instanceof ApiError || e instanceof Error ? e.message : i18next.t('common.unknownError');
  Toast.show({ icon: 'fail', content, duration: 2500 });
}

export function toastOk(content: string): void {
  Toast.show({ icon: 'success', content });
}
