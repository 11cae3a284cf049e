import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAuth } from './auth';
import { CampaignDraftPage } from './campaigns/campaign-draft-page';
import { CampaignPage } from './campaigns/campaign-page';
import { CampaignsPage } from './campaigns/campaigns-page';
import { Loading } from './components/common';
import { ROLE_LABELS } from './labels';
import { DashboardPage } from './pages/dashboard-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { NewNominationPage } from './pages/new-nomination-page';
import { NominationPage } from './pages/nomination-page';
import { QueuePage } from './pages/queue-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';
import { SigningPage } from './pages/signing-page';
import { Link, match, useRouter } from './router';

interface Route {
  pattern: string;
  title: string;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/', title: 'Trang chủ', render: () => <HomePage /> },
  { pattern: '/ho-so/moi', title: 'Lập hồ sơ đề nghị', render: () => <NewNominationPage /> },
  { pattern: '/ho-so/:id', title: 'Hồ sơ đề nghị', render: ({ id }) => <NominationPage id={id} /> },
  { pattern: '/ho-so', title: 'Danh sách hồ sơ', render: () => <QueuePage /> },
  { pattern: '/phien-hop/:id', title: 'Phiên họp Hội đồng', render: ({ id }) => <SessionPage id={id} /> },
  { pattern: '/phien-hop', title: 'Phiên họp Hội đồng', render: () => <SessionsPage /> },
  { pattern: '/ky-duyet', title: 'Ký Quyết định, Tờ trình', render: () => <SigningPage /> },
  { pattern: '/phong-trao/nhap/:id', title: 'Kiểm tra kế hoạch', render: ({ id }) => <CampaignDraftPage id={id} /> },
  { pattern: '/phong-trao/:id', title: 'Phong trào thi đua', render: ({ id }) => <CampaignPage id={id} /> },
  { pattern: '/phong-trao', title: 'Phong trào thi đua', render: () => <CampaignsPage /> },
  { pattern: '/thong-ke', title: 'Thống kê', render: () => <DashboardPage /> },
];

interface NavItem {
  to: string;
  label: string;
  roles?: string[];
}

const NAV: NavItem[] = [
  { to: '/', label: 'Trang chủ' },
  { to: '/ho-so/moi', label: 'Lập hồ sơ', roles: ['submitter'] },
  { to: '/ho-so', label: 'Hồ sơ' },
  { to: '/phien-hop', label: 'Phiên họp', roles: ['council-member', 'council-secretary'] },
  { to: '/ky-duyet', label: 'Chờ ký', roles: ['signer'] },
  { to: '/phong-trao', label: 'Phong trào' },
  { to: '/thong-ke', label: 'Thống kê' },
];

export function App() {
  const { user, loading, signOut } = useAuth();
  const { location, navigate } = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const found = ROUTES.map((route) => ({ route, params: match(route.pattern, location.path) })).find((entry) => entry.params);

  const firstPath = useRef(location.path);
  useEffect(() => {
    document.title = `${found?.route.title ?? 'Không tìm thấy trang'} · Thi đua – Khen thưởng`;
    setMenuOpen(false);
    // After a navigation, keyboard and screen-reader users start at the new page's content, not the old link.
    if (location.path !== firstPath.current) document.getElementById('main')?.focus();
    firstPath.current = '';
  }, [location.path, found?.route.title]);

  if (loading) return <Loading what="phiên đăng nhập" />;
  if (!user) return <LoginPage />;

  const nav = NAV.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)));
  const isCurrent = (to: string) => (to === '/' ? location.path === '/' : location.path === to || (location.path.startsWith(`${to}/`) && to !== '/ho-so'));
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua thanh điều hướng
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span aria-hidden="true">★</span> Thi đua – Khen thưởng
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
          Danh mục
        </button>
        <nav id="main-nav" aria-label="Điều hướng chính" className={menuOpen ? 'open' : ''}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={isCurrent(item.to) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            <strong>{user.fullName}</strong>
            <small>{user.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}</small>
          </span>
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              signOut();
              navigate('/', true);
            }}
          >
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {found ? (
          found.route.render(found.params!)
        ) : (
          <section className="card">
            <h1>Không tìm thấy trang</h1>
            <p>
              Địa chỉ này không có trong hệ thống. <Link to="/">Về trang chủ</Link>
            </p>
          </section>
        )}
      </main>
    </>
  );
}
