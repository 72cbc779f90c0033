import { Button, Layout, Menu } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useLang } from './i18n/LangContext';
import { OverviewPage } from './pages/OverviewPage';
import { ParkPage, ParksPage } from './pages/ParksPage';
import { IndicatorPage, IndicatorsPage } from './pages/IndicatorsPage';
import { PoliciesPage } from './pages/PoliciesPage';
import { PolicyPage } from './pages/PolicyPage';
import { ImportPage } from './pages/ImportPage';
import { EvaluationPage, EvaluationsPage } from './pages/EvaluationsPage';
import { EligibleEnterprisesPage, EnterprisePage, EnterprisesPage, MatchEventsPage } from './pages/EnterprisesPage';

const sections = ['parks', 'indicators', 'policies', 'evaluations', 'enterprises', 'import'] as const;

export function App() {
  const { lang, t, setLang } = useLang();
  const { pathname } = useLocation();
  const current = sections.find((s) => pathname.startsWith(`/${s}`)) ?? 'overview';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-title">{t.appTitle}</Link>
        <nav aria-label={t.appTitle} className="app-nav">
          <Menu mode="horizontal" theme="dark" selectedKeys={[current]} style={{ minWidth: 0, flex: 1 }} items={[
            { key: 'overview', label: <Link to="/">{t.nav.overview}</Link> },
            ...sections.map((s) => ({ key: s, label: <Link to={`/${s}`}>{t.nav[s]}</Link> })),
          ]} />
        </nav>
        <Button lang={lang === 'zh-CN' ? 'en' : 'zh-CN'} aria-label={t.switchToLabel} className="lang-switch"
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>{t.switchTo}</Button>
      </Layout.Header>
      <Layout.Content className="app-content">
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/parks" element={<ParksPage />} />
            <Route path="/parks/:code" element={<ParkPage />} />
            <Route path="/indicators" element={<IndicatorsPage />} />
            <Route path="/indicators/:code" element={<IndicatorPage />} />
            <Route path="/policies" element={<PoliciesPage />} />
            <Route path="/policies/:id" element={<PolicyPage />} />
            <Route path="/evaluations" element={<EvaluationsPage />} />
            <Route path="/evaluations/:scheme" element={<EvaluationPage />} />
            <Route path="/policies/:id/measures/:code/eligible" element={<EligibleEnterprisesPage />} />
            <Route path="/enterprises" element={<EnterprisesPage />} />
            <Route path="/enterprises/match-events" element={<MatchEventsPage />} />
            <Route path="/enterprises/:code" element={<EnterprisePage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
      </Layout.Content>
    </Layout>
  );
}
