import { useCallback, useEffect, useState } from 'react';
import { LOCALES, type Locale } from '../i18n.js';
import { hallToken, setHallToken, whenSignedOut } from './hall-api.js';
import { useHallI18n } from './hall-i18n.js';
import { go, useHallRoute } from './hall-router.js';
import { ComplaintForm } from './ComplaintForm.js';
import { HomePage } from './HomePage.js';
import { ProgressPage } from './ProgressPage.js';
import { ArticlePage } from './ArticlePage.js';
import { SignInPage } from './SignInPage.js';
import { NoticesBell } from './notices/NoticesBell.js';
import { useNotices } from './notices/useNotices.js';
import './hall.css';

/** The customer's service hall (/hall): sign-in by code, first screen, guided form, progress, in-app notices. */
export default function HallApp() {
  const { ht, locale, setLocale } = useHallI18n();
  const route = useHallRoute();
  const [token, setToken] = useState<string | null>(hallToken);
  const notices = useNotices(token);

  useEffect(() => {
    document.title = ht('hall.title');
  }, [ht, locale]);

  useEffect(() => {
    whenSignedOut(() => {
      setToken(null);
      go('/hall/signin');
    });
  }, []);

  const signedIn = useCallback((t: string) => {
    setHallToken(t);
    setToken(t);
    go('/hall');
  }, []);

  const signOut = useCallback(() => {
    setHallToken(null);
    setToken(null);
    go('/hall/signin');
  }, []);

  // Keep the signed-in customer off the sign-in page and the signed-out one on it.
  useEffect(() => {
    if (token && route.name === 'signin' && !window.location.hash.startsWith('#magic=')) go('/hall');
  }, [token, route.name]);

  return (
    <div className="hall">
      <header className="hall-top">
        <a className="hall-brand" href="/hall" onClick={(e) => { e.preventDefault(); go('/hall'); }}>{ht('hall.title')}</a>
        <div className="hall-top-actions">
          <select
            className="hall-locale"
            data-testid="hall-locale"
            aria-label={ht('hall.language')}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>{l === 'zh-CN' ? '中文' : 'English'}</option>
            ))}
          </select>
          {token && <NoticesBell notices={notices} />}
          {token && (
            <button type="button" className="hall-link" data-testid="hall-signout" onClick={signOut}>{ht('hall.signOut')}</button>
          )}
        </div>
      </header>
      <main className="hall-main">
        {route.name === 'article' ? (
          <ArticlePage key={`${route.slug}/${route.locale ?? ''}`} slug={route.slug} locale={route.locale} />
        ) : !token || route.name === 'signin' ? (
          <SignInPage onSignedIn={signedIn} />
        ) : route.name === 'home' ? (
          <HomePage />
        ) : route.name === 'new' ? (
          <ComplaintForm initialOrder={route.order} />
        ) : route.name === 'progress' ? (
          <ProgressPage key={route.number} number={route.number} />
        ) : (
          <p className="hall-empty">{ht('hall.notFound')}</p>
        )}
      </main>
    </div>
  );
}

