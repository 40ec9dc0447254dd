import { useAppStore } from '../store/store';
import { selectPage } from '../store/selectors';
import { InboxPage } from '../features/captures/InboxPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TriggersPage } from '../features/triggers/TriggersPage';
import { ComingPage } from '../features/placeholders/ComingPage';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { Sidebar } from './Sidebar';

function CurrentPage() {
  const page = useAppStore(selectPage);
  switch (page) {
    case 'inbox':
      return <InboxPage />;
    case 'triggers':
      return <TriggersPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <ComingPage page={page} />;
  }
}

export function App() {
  return (
    <div className="app">
      <Sidebar />
      <div className="app-main">
        <Header />
        <ConnectionBanner />
        <main className="app-page">
          <CurrentPage />
        </main>
      </div>
    </div>
  );
}
