// Who the payloads say the project and creator are, and how deliveries are retried.
import { saveNotificationSettings } from '../../store/notificationActions';
import { useState } from 'react';
import type { DeliverySettings, NotificationProject } from '@shared/notifications';
import { describeError } from '../../api/envelope';
import { reloadView } from '../../store/notificationActions';
import { useAppStore } from '../../store/store';

export function ProjectPanel() {
  const section = useAppStore((s) => s.notifications.view?.section);
  const [project, setProject] = useState<NotificationProject | undefined>(section?.project);
  const [delivery, setDelivery] = useState<DeliverySettings | undefined>(section?.delivery);
  const [note, setNote] = useState<string | null>(null);
  if (!project || !delivery) return <p className="muted notify-pad">Loading…</p>;
  const num = (k: keyof DeliverySettings) => (
    <label key={k}>
      {LABELS[k]}
      <input
        className="input"
        type="number"
        value={delivery[k]}
        data-testid={`delivery-${k}`}
        onChange={(e) => setDelivery({ ...delivery, [k]: Number(e.target.value) })}
      />
    </label>
  );
  async function save() {
    try {
      await saveNotificationSettings({ project: { ...project!, commitIdentifier: project!.commitIdentifier || null }, delivery });
      await reloadView();
      setNote('Saved.');
    } catch (e) {
      setNote(describeError(e));
    }
  }
  return (
    <form
      className="notify-pad notify-form notify-narrow"
      data-testid="project-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Project in payloads</h3>
      <div className="notify-grid">
        <label>
          Project id
          <input className="input mono" value={project.id} onChange={(e) => setProject({ ...project, id: e.target.value })} />
        </label>
        <label>
          Project name
          <input className="input" value={project.name} data-testid="project-name" onChange={(e) => setProject({ ...project, name: e.target.value })} />
        </label>
        <label>
          Creator id
          <input className="input" type="number" value={project.creatorId} onChange={(e) => setProject({ ...project, creatorId: Number(e.target.value) })} />
        </label>
        <label>
          Creator name
          <input className="input" value={project.creatorName} onChange={(e) => setProject({ ...project, creatorName: e.target.value })} />
        </label>
        <label>
          Commit
          <input className="input mono" value={project.commitIdentifier ?? ''} onChange={(e) => setProject({ ...project, commitIdentifier: e.target.value })} />
        </label>
        <label>
          Link base URL
          <input className="input" value={project.appBaseUrl} onChange={(e) => setProject({ ...project, appBaseUrl: e.target.value })} />
        </label>
      </div>
      <h3>Delivery</h3>
      <p className="muted small">
        2xx is success; redirects are not followed. Timeouts, refused connections, 5xx, 408 and 429 are retried with exponential backoff and full jitter.
      </p>
      <div className="notify-grid">{(Object.keys(LABELS) as (keyof DeliverySettings)[]).map(num)}</div>
      <div className="notify-actions">
        <button type="submit" className="button button-primary" data-testid="project-save">
          Save
        </button>
        {note && (
          <span className="small muted" role="status">
            {note}
          </span>
        )}
      </div>
    </form>
  );
}

const LABELS: Record<keyof DeliverySettings, string> = {
  timeoutMs: 'Timeout per attempt (ms)',
  maxAttempts: 'Attempts in all',
  baseDelayMs: 'First retry within (ms)',
  maxDelayMs: 'Retry ceiling (ms)',
};
