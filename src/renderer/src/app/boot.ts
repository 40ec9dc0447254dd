// Imported first by main.tsx, so the first loads (the inbox's rows among them) are on the wire
// while the browser is still evaluating React and the components: startApp and what it needs
// (the store, the actions, the transport) are evaluated before anything that renders.
import { startApp } from './startApp';

startApp();
