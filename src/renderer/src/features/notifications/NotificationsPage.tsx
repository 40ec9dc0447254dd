// Outgoing notifications: channels, routings, the delivery log, the simulator and the project
// identity the payloads carry.
import { useEffect } from 'react';
import { Tabs } from '../../components/Tabs';
import { loadNotifications, setNotificationsTab } from '../../store/notificationActions';
import type { NotificationsTab } from '../../store/notificationsSlice';
import { useAppStore } from '../../store/store';
import { ChannelsPanel } from './ChannelsPanel';
import { DeliveryLog } from './DeliveryLog';
import { ProjectPanel } from './ProjectPanel';
import { RoutingsPanel } from './RoutingsPanel';
import { SimulatorPanel } from './SimulatorPanel';
import './notifications.css';

const TABS: { id: NotificationsTab; label: string }[] = [
  { id: 'channels', label: 'Channels' },
  { id: 'routings', label: 'Routings' },
  { id: 'log', label: 'Delivery log' },
  { id: 'simulator', label: 'Simulator' },
  { id: 'project', label: 'Project & delivery' },
];

export function NotificationsPage() {
  const tab = useAppStore((s) => s.notifications.tab);
  const status = useAppStore((s) => s.notifications.status);
  const error = useAppStore((s) => s.notifications.error);
  useEffect(() => {
    void loadNotifications();
  }, []);
  return (
    <section className="notify-page" data-testid="page-notifications" aria-label="Notifications">
      <div className="notify-head">
        <h1 className="page-title">Notifications</h1>
        <Tabs items={TABS} value={tab} onChange={setNotificationsTab} label="Notifications sections" />
        {error && (
          <p className="notify-error" role="alert" data-testid="notify-error">
            {error}
          </p>
        )}
      </div>
      <div className="notify-body">
        {status === 'loading' && <p className="muted small notify-pad">Loading…</p>}
        {status !== 'loading' && tab === 'channels' && <ChannelsPanel />}
        {status !== 'loading' && tab === 'routings' && <RoutingsPanel />}
        {tab === 'log' && <DeliveryLog />}
        {status !== 'loading' && tab === 'simulator' && <SimulatorPanel />}
        {status !== 'loading' && tab === 'project' && <ProjectPanel />}
      </div>
    </section>
  );
}
