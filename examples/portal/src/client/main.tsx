/**
 * The portal's browser app. Loaded as a module file from this origin (script-src 'self'); its styles are a
 * separate CSS file (style-src 'self'). No inline script or style, no eval, no new Function.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { User } from '../shared/api';
import { api, SIGNED_OUT } from './api';
import { MemberEditor, MemberHome } from './member';
import { useRoute } from './router';
import { Secretary } from './secretary';
import { setPortalSettings, setSignedInUser } from './settings';
import { SignIn } from './signin';
import './app.css';

function App({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const route = useRoute();
  const secretary = user.role === 'secretary';
  return (
    <>
      <header className="site">
        <div className="brand">
          <span className="star" aria-hidden="true">
            ★
          </span>
          <span>
            Kiểm điểm, đánh giá, xếp loại chất lượng
            <small>Cổng ví dụ của kiemdiem · Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW</small>
          </span>
        </div>
        <nav>
          <a href="#/" aria-current={route.page !== 'secretary' ? 'page' : undefined}>
            Đảng viên
          </a>
          {secretary ? (
            <a href="#/bi-thu" aria-current={route.page === 'secretary' ? 'page' : undefined}>
              Bí thư chi bộ
            </a>
          ) : null}
          <span className="who" data-user={user.username}>
            {user.displayName}
          </span>
          <button type="button" className="link" onClick={onSignOut}>
            Đăng xuất
          </button>
        </nav>
      </header>
      {route.page === 'home' ? <MemberHome /> : null}
      {route.page === 'member' ? <MemberEditor id={route.id} formHint={route.formId} /> : null}
      {route.page === 'secretary' ? secretary ? <Secretary /> : <main className="page narrow"><p className="warn">Trang này dành cho bí thư chi bộ.</p></main> : null}
      <footer className="site">
        Dữ liệu ví dụ, không phải hệ thống chính thức. Bản nháp lưu trên máy chủ của cổng (SQLite); PDF được tạo ngay trong trình duyệt.
      </footer>
    </>
  );
}

type Boot = { state: 'loading' } | { state: 'signed-out' } | { state: 'ready'; user: User } | { state: 'failed'; message: string };

function Root() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  // Every rating on every screen uses the portal's settings: none is shown before they are here.
  const start = (user: User) =>
    api.settings().then(
      (settings) => {
        setPortalSettings(settings);
        setSignedInUser(user);
        setBoot({ state: 'ready', user });
      },
      (error: Error) => setBoot({ state: 'failed', message: error.message }),
    );
  useEffect(() => {
    api.session().then(
      (user) => (user ? void start(user) : setBoot({ state: 'signed-out' })),
      (error: Error) => setBoot({ state: 'failed', message: error.message }),
    );
    const signedOut = () => setBoot({ state: 'signed-out' });
    addEventListener(SIGNED_OUT, signedOut);
    return () => removeEventListener(SIGNED_OUT, signedOut);
  }, []);
  const signOut = () => void api.signOut().finally(() => setBoot({ state: 'signed-out' }));
  if (boot.state === 'loading') return <main className="page narrow"><p className="muted">Đang tải…</p></main>;
  if (boot.state === 'signed-out') return <SignIn onSignedIn={(user) => void start(user)} />;
  if (boot.state === 'failed') return <main className="page narrow"><p className="warn">Không tải được cấu hình của cổng: {boot.message}</p></main>;
  return <App user={boot.user} onSignOut={signOut} />;
}

createRoot(document.getElementById('root')!).render(<Root />);
