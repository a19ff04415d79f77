import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { readLangCookie, writeLangCookie, type Lang } from '../lib/lang.js';
import zhCN from './zh-CN.js';

/** zh-CN ships in the first load; English is fetched only when someone switches to it. */
async function loadEnglish(): Promise<void> {
  if (i18next.hasResourceBundle('en', 'translation')) return;
  const en = (await import('./en.js')).default;
  i18next.addResourceBundle('en', 'translation', en);
}

export async function initI18n(): Promise<void> {
  const lang = readLangCookie();
  if (lang === 'en') {
    const en = (await import('./en.js')).default;
    await i18next.use(initReactI18next).init({ lng: 'en', fallbackLng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  } else {
    await i18next.use(initReactI18next).init({ lng: 'zh-CN', fallbackLng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  }
  document.documentElement.lang = lang;
}

export async function setLang(lang: Lang): Promise<void> {
  if (lang === 'en') await loadEnglish();
  writeLangCookie(lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
