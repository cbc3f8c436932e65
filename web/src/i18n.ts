/**
 * Every visible string goes through here: zh (default) and en dictionaries, the choice kept in localStorage.
 * The zh dictionaries define the keys (the shell's zh.ts and each area's, merged in messages/areas.ts); en must
 * translate every one of them (checked by the type).
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { enAreas, zhAreas } from './messages/areas';
import { en } from './messages/en';
import { zh } from './messages/zh';

const zhAll = { ...zh, ...zhAreas };

export type Lang = 'zh' | 'en';
export type MessageKey = keyof typeof zhAll;

export const LANGS: readonly Lang[] = ['zh', 'en'];
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh: zhAll, en: { ...en, ...enAreas } };
const STORAGE_KEY = 'waihu.console.lang';

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'zh' || value === 'en') return value;
  } catch {
    // Storage can be off (private mode, policy); the default language still works.
  }
  return 'zh';
}

export type Vars = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The message for `key`, with `{name}` placeholders filled from `vars`. */
  t(key: MessageKey, vars?: Vars): string;
  /** For keys built from server codes (`callResult.ANSWERED`): the message, or `fallback` when there is none. */
  tCode(prefix: string, code: string | number, fallback?: string): string;
  /** Epoch ms as local date and time in the chosen language; empty for no value. */
  dateTime(ms: number | undefined): string;
  number(n: number | undefined): string;
}

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = DICTIONARIES[lang]['app.title'];
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the switch still applies to this tab.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      lang,
      setLang,
      t: (key, vars) => fill(dict[key], vars),
      tCode: (prefix, code, fallback) => {
        const key = `${prefix}.${code}`;
        return key in dict ? dict[key as MessageKey] : (fallback ?? String(code));
      },
      dateTime: (ms) => (ms === undefined || ms === null ? '' : dateFormat.format(new Date(ms))),
      number: (n) => (n === undefined || n === null ? '' : numberFormat.format(n)),
    };
  }, [lang, setLang]);

  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
