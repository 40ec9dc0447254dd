// The visualiser's colour and label per basestring segment kind (colours live in trace.css).
import type { BasestringSegment } from '@shared/trigger-log';

export const SEGMENT_LABELS: Record<BasestringSegment['kind'], string> = {
  literal: 'literal text',
  body: '{body}: the raw request body',
  header: '{header:…}: a header value',
  query: '{query:…}: a query parameter (extension)',
  method: '{method} (extension)',
  url: '{url} (extension)',
};

export const segmentClass = (segment: Pick<BasestringSegment, 'kind' | 'missing'>): string => `seg seg-${segment.kind}${segment.missing ? ' seg-missing' : ''}`;

/** The kinds present, in a stable order, for the legend. */
export function legendKinds(segments: readonly Pick<BasestringSegment, 'kind'>[]): BasestringSegment['kind'][] {
  const order: BasestringSegment['kind'][] = ['literal', 'body', 'header', 'query', 'method', 'url'];
  const present = new Set(segments.map((s) => s.kind));
  return order.filter((kind) => present.has(kind));
}

/** A literal shown with its spaces and line breaks visible: they are signed bytes too. */
export const visibleLiteral = (text: string): string => text.replace(/ /g, '·').replace(/\n/g, '↵').replace(/\r/g, '←').replace(/\t/g, '→');
