import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useI18n } from '../i18n.js';
import { messages as m } from './admin.messages.js';
import { ADMIN_TABS, type AdminTab } from './admin-tabs.js';


// Each section is its own chunk: an admin opening "SLA policies" does not download the rule editor.
const TABS: Record<AdminTab, LazyExoticComponent<ComponentType>> = {
  users: lazy(() => import('./tabs/UsersTab.js').then((x) => ({ default: x.UsersTab }))),
  departments: lazy(() => import('./tabs/DepartmentsTab.js').then((x) => ({ default: x.DepartmentsTab }))),
  sla: lazy(() => import('./tabs/SlaTab.js').then((x) => ({ default: x.SlaTab }))),
  routing: lazy(() => import('./tabs/RoutingTab.js').then((x) => ({ default: x.RoutingTab }))),
  models: lazy(() => import('./tabs/ModelsTab.js').then((x) => ({ default: x.ModelsTab }))),
  authority: lazy(() => import('./tabs/AuthorityTab.js').then((x) => ({ default: x.AuthorityTab }))),
  templates: lazy(() => import('./tabs/TemplatesTab.js').then((x) => ({ default: x.TemplatesTab }))),
  channels: lazy(() => import('./tabs/ChannelsTab.js').then((x) => ({ default: x.ChannelsTab }))),
  kb: lazy(() => import('./tabs/KbTab.js').then((x) => ({ default: x.KbTab }))),
};

/** The admin console: one section per tab, addressed as #/admin/<tab>. The server enforces the role; the UI only hides. */
export function AdminPage({ tab, role }: { tab: AdminTab; role: string | null }) {
  const { t } = useI18n();
  if (role !== null && role !== 'admin') return <p className="empty" role="alert">{m('admin.forbidden')}</p>;
  const Tab = TABS[tab];
  return (
    <div className="admin" data-testid="admin-page">
      <h1>{m('admin.title')}</h1>
      <nav className="admin-tabs" aria-label={m('admin.tabs')}>
        {ADMIN_TABS.map((name) => (
          <a
            key={name}
            href={`#/admin/${name}`}
            className={name === tab ? 'admin-tab active' : 'admin-tab'}
            aria-current={name === tab ? 'page' : undefined}
            data-testid={`admin-tab-${name}`}
          >
            {m(`admin.tab.${name}`)}
          </a>
        ))}
      </nav>
      <section className="admin-body" aria-label={m(`admin.tab.${tab}`)}>
        <Suspense fallback={<p className="empty">{t('common.loading')}</p>}>
          <Tab />
        </Suspense>
      </section>
    </div>
  );
}
