import { navigate } from '../store/appActions';
import { selectPage, selectUnreadCount } from '../store/selectors';
import { useAppStore } from '../store/store';
import { PAGES } from './pages';

export function Sidebar() {
  const current = useAppStore(selectPage);
  const unread = useAppStore(selectUnreadCount);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-brand">
        <span className="sidebar-logo" aria-hidden="true">
          ⚓
        </span>{' '}
        Hookbench
      </div>
      <ul className="sidebar-list">
        {PAGES.map((page) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              className={`sidebar-item${page.id === current ? ' is-active' : ''}`}
              aria-current={page.id === current ? 'page' : undefined}
              data-testid={`nav-${page.id}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(page.id);
              }}
            >
              <span>{page.label}</span>
              {page.id === 'inbox' && unread > 0 && (
                <span className="sidebar-count" title={`${unread} unread`}>
                  {unread > 999 ? '999+' : unread}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
