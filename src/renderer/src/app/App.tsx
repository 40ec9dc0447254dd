import { Suspense } from 'react';
import { useAppStore } from '../store/store';
import { selectPage } from '../store/selectors';
import { UndoBar } from '../components/UndoBar';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { StorageBanner } from './StorageBanner';
import { pageComponent } from './pageComponents';
import { Sidebar } from './Sidebar';

function CurrentPage() {
  const Page = pageComponent(useAppStore(selectPage));
  return <Page />;
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
          {/* pages other than the inbox load on first visit (pageComponents.ts) */}
          <Suspense fallback={<p className="muted page-loading">Loading…</p>}>
            <CurrentPage />
          </Suspense>
        </main>
        <UndoBar />
      </div>
    </div>
  );
}
