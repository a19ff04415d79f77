export type Lang = 'zh-CN' | 'en';

/** The `lang` cookie is shared with the server, which answers errors in the same language. */
export function readLangCookie(): Lang {
  const m = /(?:^|;\s*)lang=([^;]+)/.exec(document.cookie);
  return m?.[1] === 'en' ? 'en' : 'zh-CN';
}

export function writeLangCookie(lang: Lang): void {
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}
