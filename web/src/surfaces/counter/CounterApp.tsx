import { useTranslation } from 'react-i18next';
import { AntdProvider } from '../../lib/antd/AntdProvider.js';
import { StaffGate } from '../../lib/antd/StaffGate.js';
import { CounterLayout } from './CounterLayout.js';
import { CounterPage } from './CounterPage.js';
import '../../lib/antd/staff.css';
import './counter.css';

function CounterGate() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('counter.title')} subtitle={t('counter.subtitle')} demoLogin="xiaomei">
      {(me, session) => (
        <CounterLayout me={me} onLogout={() => void session.logout()}>
          <CounterPage />
        </CounterLayout>
      )}
    </StaffGate>
  );
}

/** 门店核销台: the counter tablet. Big touch targets, one job: verify pickups. */
export default function CounterApp() {
  return (
    <AntdProvider large>
      <CounterGate />
    </AntdProvider>
  );
}
