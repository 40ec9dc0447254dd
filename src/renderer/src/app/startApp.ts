// Everything that runs once, outside React: event sync first (so nothing is missed between
// the first load and the subscription), then the first load of every live slice (slices.ts).
import { transport } from '../api';
import { startEventSync } from '../store/eventSync';
import { reloadLiveSlices } from '../store/slices';
import { useAppStore } from '../store/store';
import { startUnreadPersistence } from '../store/unreadPersistence';
import { startHashRouting } from './hashRouting';
import { startThemeSync } from './themeSync';

export function startApp() {
  startUnreadPersistence();
  startHashRouting();
  startThemeSync();
  startEventSync(transport);
  reloadLiveSlices(useAppStore.getState());
}
