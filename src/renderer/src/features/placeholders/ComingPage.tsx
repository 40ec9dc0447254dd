import type { PageId } from '../../store/types';
import { COMING_PAGES } from './comingPages';
import './coming.css';

/** A page whose engine capability is not built yet: says so, shows no invented data. */
export function ComingPage({ page }: { page: PageId }) {
  const info = COMING_PAGES[page];
  return (
    <div className="coming" data-testid={`page-${page}`}>
      <h1>{info?.title ?? page}</h1>
      <p className="coming-status" data-testid="coming-soon">Not available yet</p>
      <p>{info?.summary}</p>
      {info?.planned && (
        <>
          <h2>Planned</h2>
          <ul>
            {info.planned.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">Until then, every request still lands in the Inbox.</p>
    </div>
  );
}
