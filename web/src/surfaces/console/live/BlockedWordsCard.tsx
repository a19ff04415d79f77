import { useEffect, useState } from 'react';
import { Button, Card, Select, Space, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liveConsoleApi } from '../../../api/live.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { useApi } from '../../../lib/use-api.js';

/** 屏蔽词: a chat line with one of these is refused to its sender; nobody else sees it. */
export function BlockedWordsCard() {
  const { t } = useTranslation();
  const notify = useNotify();
  const settings = useApi(() => liveConsoleApi.settings(), []);
  const [words, setWords] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setWords(settings.data.blockedWords);
  }, [settings.data]);

  const save = async () => {
    setBusy(true);
    try {
      const r = await liveConsoleApi.saveSettings(words.map((w) => w.trim()).filter(Boolean));
      settings.setData(r);
      notify.success(t('common.saved'));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<Space><StopOutlined />{t('live.console.blockedWords')}</Space>} size="small">
      <Typography.Paragraph type="secondary">{t('live.console.blockedWordsHint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Select mode="tags" value={words} onChange={setWords} tokenSeparators={[',', '，', ' ']} open={false} style={{ width: '100%' }}
          placeholder={t('live.console.blockedWordsPlaceholder')} data-testid="console-live-blocked-words" />
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="console-live-blocked-words-save">{t('common.save')}</Button>
      </Space.Compact>
    </Card>
  );
}
