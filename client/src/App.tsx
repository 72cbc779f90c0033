import { lazy, Suspense, type ComponentType } from 'react';
import { Button, Layout, Menu, Result } from 'antd';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { useLang } from './i18n/LangContext';
import { AsyncFallback } from './components/AsyncView';

// Each page is its own chunk: a visit downloads the shell and the page it opens, and ECharts only with a page that
// draws a chart. Named exports are mapped to default ones for React.lazy.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const OverviewPage = page(() => import('./pages/OverviewPage'), 'OverviewPage');
const ParksPage = page(() => import('./pages/ParksPage'), 'ParksPage');
const ParkPage = page(() => import('./pages/ParksPage'), 'ParkPage');
const IndicatorsPage = page(() => import('./pages/IndicatorsPage'), 'IndicatorsPage');
const IndicatorPage = page(() => import('./pages/IndicatorsPage'), 'IndicatorPage');
const PoliciesPage = page(() => import('./pages/PoliciesPage'), 'PoliciesPage');
const PolicyPage = page(() => import('./pages/PolicyPage'), 'PolicyPage');
const ImportPage = page(() => import('./pages/ImportPage'), 'ImportPage');
const CalculatorPage = page(() => import('./pages/MatcherCard'), 'CalculatorPage');
const EvaluationsPage = page(() => import('./pages/EvaluationsPage'), 'EvaluationsPage');
const EvaluationPage = page(() => import('./pages/EvaluationsPage'), 'EvaluationPage');
const EnterprisesPage = page(() => import('./pages/EnterprisesPage'), 'EnterprisesPage');
const EnterprisePage = page(() => import('./pages/EnterprisesPage'), 'EnterprisePage');
const EligibleEnterprisesPage = page(() => import('./pages/EnterprisesPage'), 'EligibleEnterprisesPage');
const MatchEventsPage = page(() => import('./pages/EnterprisesPage'), 'MatchEventsPage');
const ProjectsPage = page(() => import('./pages/ProjectsPage'), 'ProjectsPage');
const ProjectPage = page(() => import('./pages/ProjectsPage'), 'ProjectPage');
const CasesPage = page(() => import('./pages/ProjectsPage'), 'CasesPage');
const RoundsPage = page(() => import('./pages/RoundsPage'), 'RoundsPage');
const ParkRoundPage = page(() => import('./pages/RoundsPage'), 'ParkRoundPage');
const WebhooksPage = page(() => import('./pages/WebhooksPage'), 'WebhooksPage');
const WebhookPage = page(() => import('./pages/WebhooksPage'), 'WebhookPage');

const sections = ['parks', 'indicators', 'policies', 'calculator', 'evaluations', 'projects', 'rounds', 'enterprises', 'import'] as const;

export function App() {
  const { lang, t, setLang } = useLang();
  const { pathname } = useLocation();
  // Webhooks belong with imports: both are how other systems exchange data with the platform (one menu entry fewer,
  // so the menu still fits one line in English).
  const current = pathname.startsWith('/webhooks') ? 'import' : sections.find((s) => pathname.startsWith(`/${s}`)) ?? 'overview';
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
        <Button lang={lang === 'zh-CN' ? 'en' : 'zh-CN'} aria-label={`${t.switchTo} (${t.switchToLabel})`} className="lang-switch" autoInsertSpace={false}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>{t.switchTo}</Button>
      </Layout.Header>
      <Layout.Content className="app-content">
          <Suspense fallback={<AsyncFallback />}>
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
            <Route path="/projects" element={<ProjectsPage />} />
            <Route path="/projects/cases" element={<CasesPage />} />
            <Route path="/projects/:code" element={<ProjectPage />} />
            <Route path="/rounds" element={<RoundsPage />} />
            <Route path="/rounds/:set/:period/:park" element={<ParkRoundPage />} />
            <Route path="/calculator" element={<CalculatorPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/webhooks" element={<WebhooksPage />} />
            <Route path="/webhooks/:id" element={<WebhookPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
          </Suspense>
      </Layout.Content>
    </Layout>
  );
}

/** An address the app has no page for: said so, with the way back, instead of silently showing the overview. */
function NotFoundPage() {
  const { t } = useLang();
  const { pathname } = useLocation();
  return (
    <Result status="404" title={<h1 className="not-found-title">{t.notFound.title}</h1>}
      subTitle={<>{t.notFound.body} <code>{pathname}</code></>} extra={<Link to="/">{t.notFound.home}</Link>} />
  );
}
