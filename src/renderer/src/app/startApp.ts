// Everything that runs once, outside React: event sync first (so nothing is missed between
// the first load and the subscription), then the initial loads.
import { transport } from '../api';
import { loadEngineInfo, loadSettings } from '../store/appActions';
import { loadCaptures } from '../store/captureActions';
import { startEventSync } from '../store/eventSync';
import { loadTriggers } from '../store/triggerActions';
import { loadTriggerLog } from '../store/triggerLogActions';
import { startUnreadPersistence } from '../store/unreadPersistence';
import { startHashRouting } from './hashRouting';
import { startThemeSync } from './themeSync';

export function startApp() {
  startUnreadPersistence();
  startHashRouting();
  startThemeSync();
  startEventSync(transport);
  void loadEngineInfo();
  void loadSettings();
  void loadCaptures();
  void loadTriggers();
  void loadTriggerLog();
}
