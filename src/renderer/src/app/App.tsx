import { useAppStore } from '../store/store';
import { selectPage } from '../store/selectors';
import { InboxPage } from '../features/captures/InboxPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TriggersPage } from '../features/triggers/TriggersPage';
import { TriggerLogPage } from '../features/trigger-log/TriggerLogPage';
import { PlaygroundPage } from '../features/triggers/playground/PlaygroundPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { RunsPage } from '../features/runs/RunsPage';
import { SenderPage } from '../features/sender/SenderPage';
import { UndoBar } from '../components/UndoBar';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { StorageBanner } from './StorageBanner';
import { Sidebar } from './Sidebar';

function CurrentPage() {
  const page = useAppStore(selectPage);
  switch (page) {
    case 'inbox':
      return <InboxPage />;
    case 'triggers':
      return <TriggersPage />;
    case 'trigger-log':
      return <TriggerLogPage />;
    case 'playground':
      return <PlaygroundPage />;
    case 'settings':
      return <SettingsPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'runs':
      return <RunsPage />;
    case 'sender':
      return <SenderPage />;
  }
}

export function App() {
  return (
    <div className="app">
      <Sidebar />
      <div className="app-main">
        <Header />
        <ConnectionBanner />
        <StorageBanner />
        <main className="app-page">
          <CurrentPage />
        </main>
        <UndoBar />
      </div>
    </div>
  );
}
