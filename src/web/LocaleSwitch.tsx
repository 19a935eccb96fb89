import { LOCALES, useI18n, type Locale } from './i18n.js';

/** The 中文 / English switch shown on the login page and in the top bar. */
export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <select
      className="locale-select"
      data-testid="locale-switch"
      aria-label={t('nav.language')}
      value={locale}
      onChange={(e) => setLocale(e.target.value as Locale)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`locale.${l}`)}
        </option>
      ))}
    </select>
  );
}
