import type { ReactNode } from 'react';
import { ConfigProvider, unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';
import * as enMod from 'antd-mobile/es/locales/en-US.js';
import * as zhMod from 'antd-mobile/es/locales/zh-CN.js';
import { useLang } from '../../i18n/index.js';
import './mobile.css';

type Locale = NonNullable<Parameters<typeof ConfigProvider>[0]['locale']>;
// antd-mobile ships CommonJS-style typings for ESM files: under NodeNext `default` is mistyped
const en = (enMod as unknown as { default: Locale }).default;
const zh = (zhMod as unknown as { default: Locale }).default;

// antd-mobile 5 renders Toast / Dialog / imperative popups with ReactDOM.render, which React 19
// removed; its documented React 19 hook: https://mobile.ant.design/guide/v5-for-19
type Host = (Element | DocumentFragment) & { _linliRoot?: Root };
unstableSetRender((node, container) => {
  const host = container as Host;
  host._linliRoot ??= createRoot(host);
  host._linliRoot.render(node);
  return async () => {
    await new Promise((r) => setTimeout(r, 0));
    host._linliRoot?.unmount();
    delete host._linliRoot;
  };
});

/** antd-mobile in the current language, in a phone-width column (the shop and live pages). */
export function MobileProvider({ children }: { children: ReactNode }) {
  const lang = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? en : zh}>
      <div className="m-app">{children}</div>
    </ConfigProvider>
  );
}
