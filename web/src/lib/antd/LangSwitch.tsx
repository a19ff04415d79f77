import { Segmented } from 'antd';
import { setLang, useLang } from '../../i18n/index.js';

export function LangSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const lang = useLang();
  return (
    <Segmented
      size={size}
      data-testid="lang-switch"
      value={lang}
      onChange={(v) => void setLang(v as 'zh-CN' | 'en')}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
