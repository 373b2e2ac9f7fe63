import { useTranslation } from 'react-i18next';
import { useLang } from './api/hooks.ts';
import { FilterBar } from './filters/filter-bar.tsx';
import { useFilters } from './filters/filters.ts';
import { navigate, useLocation } from './filters/location.ts';
import { setLanguage } from './i18n/index.ts';
import { AlertBell, AlertsPage } from './pages/alerts.tsx';
import { DataPage } from './pages/data.tsx';
import { DiagnosisPage } from './pages/diagnosis.tsx';
import { FunnelPage } from './pages/funnel.tsx';
import { KpiPage } from './pages/kpi.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { ReportsPage } from './pages/reports.tsx';
import { ProfitPage } from './pages/profit.tsx';
import { ChannelsPage } from './pages/channels.tsx';
import { PricingPage } from './pages/pricing.tsx';
import { AdsPage } from './pages/ads.tsx';
import { AuditPage } from './pages/audit.tsx';
import { ProductsPage } from './pages/products.tsx';
import { RestockPage } from './pages/restock.tsx';
import { SettingsPage } from './pages/settings.tsx';
import type { Filters } from './filters/filters.ts';
import { AuthGate, type SignedIn } from './auth.tsx';

const pages = [
  { path: '/overview', key: 'nav.overview', Page: OverviewPage },
  { path: '/funnel', key: 'nav.funnel', Page: FunnelPage },
  { path: '/diagnosis', key: 'nav.diagnosis', Page: DiagnosisPage },
  { path: '/reports', key: 'nav.reports', Page: ReportsPage },
  { path: '/profit', key: 'nav.profit', Page: ProfitPage },
  { path: '/channels', key: 'nav.channels', Page: ChannelsPage },
  { path: '/pricing', key: 'nav.pricing', Page: PricingPage },
  { path: '/ads', key: 'nav.ads', Page: AdsPage },
  { path: '/products', key: 'nav.products', Page: ProductsPage },
  { path: '/restock', key: 'nav.restock', Page: RestockPage },
  { path: '/kpi', key: 'nav.kpi', Page: KpiPage },
  { path: '/data', key: 'nav.data', Page: DataPage },
  { path: '/settings', key: 'nav.settings', Page: SettingsPage },
  { path: '/alerts', key: 'nav.alerts', Page: AlertsPage },
  { path: '/audit', key: 'nav.audit', Page: AuditPage },
] as const;

export interface PageProps { filters: Filters; ready: boolean }

/** Pages made of costs and profit: shown only to a user with the cost right (the server refuses them to others). */
const costPages = new Set<string>(['/profit', '/channels', '/pricing']);
/** Pages only for a user with the audit right (the owner, a manager; with no users, the local owner): the server answers 403 to others. */
const auditPages = new Set<string>(['/audit']);

export function App() {
  return <AuthGate>{(user, signOut) => <Dashboard user={user} signOut={signOut} />}</AuthGate>;
}

function Dashboard({ user, signOut }: { user: SignedIn; signOut: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { path, search } = useLocation();
  const { filters, setFilters, ready } = useFilters();
  const shown = pages.filter((p) => (!costPages.has(p.path) || user.rights.includes('see_costs')) && (!auditPages.has(p.path) || user.rights.includes('audit')));
  const page = shown.find((p) => p.path === path) ?? shown[0] ?? pages[0];

  return (
    <div className="app">
      <header className="header">
        <a className="brand" href={`/overview${search}`} onClick={(e) => { e.preventDefault(); navigate('/overview', search); }}>
          <strong>{t('app.title')}</strong> <span className="muted">{t('app.tagline')}</span>
        </a>
        <nav>
          {shown.map((p) => (
            <a key={p.path} href={`${p.path}${search}`} aria-current={p === page ? 'page' : undefined}
              onClick={(e) => { e.preventDefault(); navigate(p.path, search); }}>{t(p.key)}</a>
          ))}
        </nav>
        <AlertBell onOpen={() => navigate('/alerts', search)} />
        <label className="lang">{t('app.language')}
          <select name="lang" value={lang} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        {user.signedIn && (
          <span className="user">{t('auth.signedIn', { name: user.name, role: user.role })} <button type="button" onClick={signOut}>{t('auth.signOut')}</button></span>
        )}
      </header>
      <FilterBar filters={filters} setFilters={setFilters} />
      <main>
        <page.Page filters={filters} ready={ready} />
      </main>
    </div>
  );
}
