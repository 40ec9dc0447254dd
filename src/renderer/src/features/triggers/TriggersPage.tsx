// The Triggers page. The trigger engine (triggers.list/save/whatIf) is being built; until its
// calls answer, this page says so. The editor and log components will live in this folder
// and read the store's `triggers` slice.
import { ComingPage } from '../placeholders/ComingPage';

export function TriggersPage() {
  return <ComingPage page="triggers" />;
}
