import { Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { paymentsApi } from '../../api/payments.js';
import { useNotify } from '../../lib/antd/notify.js';
import { useApi } from '../../lib/use-api.js';

/** Demo switch (owner, not in production): make the sandbox refuse refunds to fill the retry queue. */
export function SandboxRefundSwitch() {
  const { t } = useTranslation();
  const notify = useNotify();
  const settings = useApi(() => paymentsApi.sandboxSettings(), []);
  if (!settings.data) return null; // not the owner, or production: the switch does not exist
  return (
    <Tooltip title={t('refunds.sandboxFailHint')}>
      <span>
        {t('refunds.sandboxFail')}{' '}
        <Switch
          size="small"
          checked={settings.data.failRefunds}
          data-testid="sandbox-fail-refunds"
          onChange={async (on) => {
            try {
              settings.setData(await paymentsApi.setSandboxSettings({ failRefunds: on }));
            } catch (e) {
              notify.error(e);
            }
          }}
        />
      </span>
    </Tooltip>
  );
}
