/** The URL a Slack or Custom channel posts to. */
export function ChannelUrlField({ label, value, placeholder, onChange }: { label: string; value: string; placeholder: string; onChange(url: string): void }) {
  return (
    <label>
      {label}
      <input className="input" value={value} data-testid="channel-url" onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
    </label>
  );
}
