/**
 * The portal's browser app. Loaded as a module file from this origin (script-src 'self'); its styles are a
 * separate CSS file (style-src 'self'). No inline script or style, no eval, no new Function.
 */
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { MemberEditor, MemberHome } from './member';
import { useRoute } from './router';
import { Secretary } from './secretary';
import { setPortalSettings } from './settings';
import './app.css';

function App() {
  const route = useRoute();
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
          <a href="#/bi-thu" aria-current={route.page === 'secretary' ? 'page' : undefined}>
            Bí thư chi bộ
          </a>
        </nav>
      </header>
      {route.page === 'home' ? <MemberHome /> : null}
      {route.page === 'member' ? <MemberEditor id={route.id} formHint={route.formId} /> : null}
      {route.page === 'secretary' ? <Secretary /> : null}
      <footer className="site">
        Dữ liệu ví dụ, không phải hệ thống chính thức. Bản nháp lưu trên máy chủ của cổng (SQLite); PDF được tạo ngay trong trình duyệt.
      </footer>
    </>
  );
}

const root = createRoot(document.getElementById('root')!);
// Every rating on every screen uses the portal's settings: none is shown before they are here.
api.settings().then(
  (settings) => {
    setPortalSettings(settings);
    root.render(<App />);
  },
  (error: Error) =>
    root.render(
      <main className="page narrow">
        <p className="warn">Không tải được cấu hình của cổng: {error.message}</p>
      </main>,
    ),
);
