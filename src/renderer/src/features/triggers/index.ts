// The triggers feature's public surface: what other features (inbox, trigger log) may use.
export { TraceSection } from './trace/TraceSection';
export { TraceView } from './trace/TraceView';
export { OutcomeBadge } from './trace/OutcomeBadge';
export { formatPeriod } from './lib/conditionSummary';
