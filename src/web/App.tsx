import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, getToken, onUnauthorized, setToken } from './api.js';
import { ComplaintDetailPage } from './ComplaintDetailPage.js';
import { ComplaintListPage } from './ComplaintListPage.js';
import { isAdminTab } from './admin/admin-tabs.js';
import { Header } from './Header.js';
import { useI18n } from './i18n.js';
import { LoginPage } from './LoginPage.js';
import { NewComplaintPage } from './NewComplaintPage.js';
import { navigate, surveyTokenFromPath, useRoute } from './router.js';
import { SurveyPage } from './SurveyPage.js';
import type { Principal, User } from './types.js';

// Pages most people never open load on demand, keeping the first screen's JavaScript small.
const SupervisorBoardPage = lazy(() => import('./SupervisorBoardPage.js').then((m) => ({ default: m.SupervisorBoardPage })));
const AdminPage = lazy(() => import('./admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));
const ChatsPage = lazy(() => import('./chats/ChatsPage.js').then((m) => ({ default: m.ChatsPage })));
const DepartmentDeskPage = lazy(() => import('./DepartmentDeskPage.js').then((m) => ({ default: m.DepartmentDeskPage })));

/** Who is signed in, as far as the UI needs to know. */
export interface Me {
  id: string | null;
  name: string;
  role: string | null;
}

const fromUser = (u: User): Me => ({ id: u.id, name: u.name, role: u.role });
const fromPrincipal = (p: Principal): Me =>
  p.kind === 'user' ? { id: p.userId, name: p.name, role: p.role } : { id: null, name: p.name, role: 'customer' };

export function App() {
  // Customers answer surveys without signing in: that page stands apart from the staff app.
  const surveyToken = surveyTokenFromPath(window.location.pathname);
  return surveyToken ? <SurveyPage token={surveyToken} /> : <StaffApp />;
}

function StaffApp() {
  const { t } = useI18n();
  const route = useRoute();
  const [token, setTokenState] = useState<string | null>(getToken);
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  useEffect(() => {
    onUnauthorized(() => {
      setTokenState(null);
      setMe(null);
      navigate('#/login');
    });
  }, []);

  // Validate a stored token and learn who we are.
  useEffect(() => {
    if (!token) return;
    let live = true;
    api
      .get<{ principal: Principal }>('/api/v1/auth/me')
      .then((r) => {
        if (live) setMe(fromPrincipal(r.principal));
      })
      .catch(() => undefined); // 401 is handled by onUnauthorized; other errors leave the name blank
    return () => {
      live = false;
    };
  }, [token]);

  useEffect(() => {
    if (token && route.name === 'login') navigate('#/complaints');
  }, [token, route.name]);

  const handleLogin = useCallback((newToken: string, user: User) => {
    setToken(newToken);
    setTokenState(newToken);
    setMe(fromUser(user));
    if (parseLoginRoute()) navigate('#/complaints');
  }, []);

  const handleLogout = useCallback(() => {
    api.post('/api/v1/auth/logout').catch(() => undefined).finally(() => {
      setToken(null);
      setTokenState(null);
      setMe(null);
      navigate('#/login');
    });
  }, []);

  if (!token) return <LoginPage onLogin={handleLogin} />;

  return (
    <div className="app">
      <Header me={me} onLogout={handleLogout} active={route.name} />
      <main className="main">
        {route.name === 'list' || route.name === 'login' ? (
          <ComplaintListPage />
        ) : route.name === 'new' ? (
          <NewComplaintPage />
        ) : route.name === 'detail' ? (
          <ComplaintDetailPage key={route.id} id={route.id} me={me} />
        ) : route.name === 'board' ? (
          <Suspense fallback={<p className="empty">{t('common.loading')}</p>}><SupervisorBoardPage /></Suspense>
        ) : route.name === 'desk' ? (
          <Suspense fallback={<p className="empty">{t('common.loading')}</p>}><DepartmentDeskPage /></Suspense>
        ) : route.name === 'chats' ? (
          <Suspense fallback={<p className="empty">{t('common.loading')}</p>}><ChatsPage me={me} id={route.id} /></Suspense>
        ) : route.name === 'admin' && isAdminTab(route.tab) ? (
          <Suspense fallback={<p className="empty">{t('common.loading')}</p>}><AdminPage tab={route.tab} role={me?.role ?? null} /></Suspense>
        ) : (
          <p className="empty">{t('error.notFound')}</p>
        )}
      </main>
    </div>
  );
}

function parseLoginRoute(): boolean {
  const h = window.location.hash;
  return h === '' || h === '#' || h === '#/' || h.startsWith('#/login');
}
