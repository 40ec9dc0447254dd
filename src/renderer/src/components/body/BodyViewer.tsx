import { useMemo, useState } from 'react';
import type { CaptureDetail } from '@shared/capture';
import { Tabs } from '../Tabs';
import { PairsTable } from '../PairsTable';
import { analyzeBody, bodyViews, contentTypeOf } from '../../lib/body';
import type { BodyViewId } from '../../lib/body';
import { formatBytes } from '../../lib/format';
import { contentEncodings } from '../../lib/headers';
import { DecodedView } from './DecodedView';
import { HexView } from './HexView';
import { JsonTree } from './JsonTree';
import { RawView } from './RawView';

const LABELS: Record<BodyViewId, string> = { json: 'JSON', form: 'Form', raw: 'Raw', hex: 'Hex', decoded: 'Decoded' };

export function BodyViewer({ detail, bytes }: { detail: CaptureDetail; bytes: Uint8Array }) {
  const contentType = contentTypeOf(detail.rawHeaders, detail.contentType);
  const encodings = useMemo(() => contentEncodings(detail.rawHeaders), [detail.rawHeaders]);
  const analysis = useMemo(() => analyzeBody(bytes, contentType), [bytes, contentType]);
  const { views, initial } = useMemo(() => bodyViews(analysis, encodings.length > 0), [analysis, encodings]);
  const [view, setView] = useState<BodyViewId>(initial);

  if (!bytes.length)
    return (
      <p className="muted small" data-testid="body-empty">
        No body.
      </p>
    );
  return (
    <div className="body-viewer">
      <div className="body-viewer-bar">
        <Tabs<BodyViewId> label="Body view" items={views.map((id) => ({ id, label: LABELS[id] }))} value={view} onChange={setView} />
        <span className="muted small">
          {contentType ?? 'no content type'} · {formatBytes(bytes.length)}
          {encodings.length > 0 && ` · ${encodings.join(', ')}`}
        </span>
      </div>
      {detail.bodyTruncated && (
        <p className="banner banner-warn small" data-testid="body-truncated">
          Showing the first {formatBytes(bytes.length)} of {formatBytes(detail.bodySize)}: the full body is stored, but only this part was loaded.
        </p>
      )}
      <BodyView view={view} bytes={bytes} analysis={analysis} encodings={encodings} contentType={contentType} />
    </div>
  );
}

function BodyView({
  view,
  bytes,
  analysis,
  encodings,
  contentType,
}: {
  view: BodyViewId;
  bytes: Uint8Array;
  analysis: ReturnType<typeof analyzeBody>;
  encodings: string[];
  contentType: string | null;
}) {
  switch (view) {
    case 'json':
      return <JsonTree value={analysis.json!.value} />;
    case 'form':
      return (
        <div data-testid="body-view-form">
          <PairsTable pairs={analysis.form!} empty="Empty form." nameLabel="Field" />
        </div>
      );
    case 'raw':
      return <RawView text={analysis.text ?? ''} />;
    case 'hex':
      return <HexView bytes={bytes} />;
    case 'decoded':
      return <DecodedView bytes={bytes} encodings={encodings} contentType={contentType} />;
  }
}
