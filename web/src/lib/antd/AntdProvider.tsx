import type { ReactNode } from 'react';
import { App, ConfigProvider, type ConfigProviderProps } from 'antd';
import * as zh from 'antd/es/locale/zh_CN.js';
import * as en from 'antd/es/locale/en_US.js';
import { useLang } from '../../i18n/index.js';
import { BRAND_COLOR } from '../config.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;
// antd ships CommonJS typings for its ESM locale files: under NodeNext `default` is mistyped
const zhLocale = (zh as unknown as { default: Locale }).default;
const enLocale = (en as unknown as { default: Locale }).default;

/** antd with the store's colour and the current language; `large` for the counter tablet. */
export function AntdProvider({ children, large = false }: { children: ReactNode; large?: boolean }) {
  const lang = useLang();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enLocale : zhLocale}
      componentSize={large ? 'large' : 'middle'}
      theme={{
        token: {
          colorPrimary: BRAND_COLOR,
          colorLink: BRAND_COLOR,
          borderRadius: 6,
          fontSize: large ? 16 : 14,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
        },
        components: { Layout: { siderBg: '#001529', headerBg: '#fff', headerPadding: '0 24px' } },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
