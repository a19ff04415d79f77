import { useEffect } from 'react';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi } from '../../../api/live.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { BlockedWordsCard } from './BlockedWordsCard.js';
import { ShowsCard } from './ShowsCard.js';
import { StreamKeysCard } from './StreamKeysCard.js';
import { StreamStatusCard } from './StreamStatusCard.js';
import './live-console.css';

/** /console/live: where to push, stream keys, the shows (schedule one, open one to run it). */
export function LivePage() {
  const { t } = useTranslation();
  const status = useApi(() => liveConsoleApi.status(), []);
  const { reload } = status;
  useEffect(() => {
    const id = setInterval(() => void reload(), 5000);
    return () => clearInterval(id);
  }, [reload]);
  return (
    <>
      <PageHeader title={t('live.console.title')} sub={t('live.console.sub')} />
      <Row gutter={[16, 16]}>
        <Col xs={24}><ShowsCard /></Col>
        <Col xs={24} xl={10}><StreamStatusCard status={status.data} /></Col>
        <Col xs={24} xl={14}><StreamKeysCard /></Col>
        <Col xs={24}><BlockedWordsCard /></Col>
      </Row>
    </>
  );
}
