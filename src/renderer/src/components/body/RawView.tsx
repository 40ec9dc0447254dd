import { useState } from 'react';
import { ShowMore } from '../ShowMore';

/** Characters rendered at first and per "show more": a multi-megabyte body must not freeze the page. */
export const RAW_CHUNK = 64 * 1024;

export function RawView({ text }: { text: string }) {
  const [limit, setLimit] = useState(RAW_CHUNK);
  return (
    <div>
      <pre className="code-block body-raw" data-testid="body-view-raw">
        {text.length > limit ? text.slice(0, limit) : text}
      </pre>
      <ShowMore
        shown={Math.min(limit, text.length)}
        total={text.length}
        unit="characters"
        onMore={() => setLimit(limit + RAW_CHUNK * 4)}
        onAll={() => setLimit(text.length)}
      />
    </div>
  );
}
