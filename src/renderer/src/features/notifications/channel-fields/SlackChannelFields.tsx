import { ChannelUrlField } from './ChannelUrlField';
import type { ChannelFieldsProps } from './types';

export function SlackChannelFields({ channel: c, onChange }: ChannelFieldsProps<'slack'>) {
  return (
    <ChannelUrlField
      label="Webhook URL"
      value={c.url}
      placeholder="https://hooks.slack.com/services/T00…/B00…/xxxx"
      onChange={(url) => onChange({ ...c, url })}
    />
  );
}
