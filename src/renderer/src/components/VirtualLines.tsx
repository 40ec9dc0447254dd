import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

const LINE_HEIGHT = 18;

/**
 * A scroll box that renders only the lines in view, so a multi-megabyte basestring or hex dump
 * costs a screenful of DOM. Lines do not wrap (each is one row of fixed height).
 */
export function VirtualLines({
  count,
  render,
  maxHeight = 260,
  testId,
  label,
}: {
  count: number;
  render(index: number): ReactNode;
  maxHeight?: number;
  testId?: string;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => ref.current, estimateSize: () => LINE_HEIGHT, overscan: 20 });
  return (
    <div
      ref={ref}
      className="code-block virtual-lines"
      style={{ maxHeight, height: Math.min(maxHeight, count * LINE_HEIGHT + 18) }}
      data-testid={testId}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} className="virtual-line" style={{ transform: `translateY(${row.start}px)`, height: LINE_HEIGHT }}>
            {render(row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
