// The current page lives in the URL hash (#/settings) so reloads and the back button work in
// both the browser and Electron's file:// window, without a router library.
import { navigate } from '../store/appActions';
import { useAppStore } from '../store/store';
import { isPageId } from './pages';

const pageFromHash = () => window.location.hash.replace(/^#\/?/, '');

export function startHashRouting(): () => void {
  const sync = () => {
    const page = pageFromHash();
    if (isPageId(page) && page !== useAppStore.getState().ui.page) navigate(page);
  };
  sync();
  window.addEventListener('hashchange', sync);
  const stop = useAppStore.subscribe((state, previous) => {
    if (state.ui.page !== previous.ui.page && pageFromHash() !== state.ui.page) window.location.hash = `/${state.ui.page}`;
  });
  return () => {
    window.removeEventListener('hashchange', sync);
    stop();
  };
}
