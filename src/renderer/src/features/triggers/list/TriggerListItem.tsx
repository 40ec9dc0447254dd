import { memo, useState } from 'react';
import type { Trigger } from '@shared/trigger';
import { describeError } from '../../../api/envelope';
import { openTrigger, setTriggerEnabled } from '../../../store/triggerActions';
import { summarizeConditions } from '../lib/conditionSummary';
import { LaunchUrls } from './LaunchUrls';

export const TriggerListItem = memo(function TriggerListItem({ trigger, open }: { trigger: Trigger; open: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    try {
      await setTriggerEnabled(trigger, enabled);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      className={`trigger-item${open ? ' is-open' : ''}${trigger.enabled ? '' : ' is-disabled'}`}
      data-testid="trigger-item"
      data-trigger-id={trigger.id}
      aria-current={open || undefined}
      tabIndex={0}
      onClick={() => openTrigger(trigger.id)}
      onKeyDown={(e) => {
        // only the row itself: Enter inside its inputs and buttons keeps its own meaning
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          openTrigger(trigger.id);
        }
      }}
    >
      <div className="trigger-item-head">
        <label
          className="switch"
          title={trigger.enabled ? 'Enabled: click to disable' : 'Disabled: the launch URL answers 404'}
          onClick={(e) => e.stopPropagation()}
        >
          <input
            type="checkbox"
            checked={trigger.enabled}
            disabled={busy}
            aria-label={`Enable ${trigger.title}`}
            data-testid="trigger-enabled"
            onChange={(e) => void toggle(e.target.checked)}
          />
          <span className="switch-track" aria-hidden="true" />
        </label>
        <span className="trigger-item-title" title={trigger.title}>
          {trigger.title}
        </span>
        <code className="trigger-item-id muted" title={trigger.id}>
          {trigger.id}
        </code>
      </div>
      <ul className="trigger-item-conditions">
        {summarizeConditions(trigger).map((line, i) => (
          <li key={i} className={trigger.conditions.length ? '' : 'warn-text'}>
            {line}
          </li>
        ))}
      </ul>
      <LaunchUrls triggerId={trigger.id} realId={open ? 'edit' : 'show'} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
});
