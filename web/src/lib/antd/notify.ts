import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';

/** antd toasts for the console and counter: `error(e)` shows an ApiError's server message. */
export function useNotify() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    error(e: unknown) {
      const text = e instanceof ApiError ? e.message : e instanceof Error ? e.message : t('common.unknownError');
      void message.error(text);
    },
    success(text: string) {
      void message.success(text);
    },
  };
}
