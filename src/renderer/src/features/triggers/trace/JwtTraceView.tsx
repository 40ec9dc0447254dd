import type { JwtTrace } from '@shared/trigger-log';

/** A JWT condition's trace: the decoded header and claims, and what was noticed about them. */
export function JwtTraceView({ trace }: { trace: JwtTrace }) {
  return (
    <div className="jwt-trace" data-testid="jwt-trace">
      <p className="small">
        Algorithm <code>{trace.algorithm}</code>
      </p>
      {trace.notes.length > 0 && (
        <ul className="jwt-notes" data-testid="jwt-notes">
          {trace.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="jwt-parts">
        <div>
          <h5>Header</h5>
          <pre className="code-block" data-testid="jwt-header">
            {trace.header ? JSON.stringify(trace.header, null, 2) : 'not decodable'}
          </pre>
        </div>
        <div>
          <h5>Claims</h5>
          <pre className="code-block" data-testid="jwt-claims">
            {trace.claims ? JSON.stringify(trace.claims, null, 2) : 'not decodable'}
          </pre>
        </div>
      </div>
    </div>
  );
}
