// The captures feature's public surface: body viewing for run payloads and sender responses.
export { BodyViewer } from './body/BodyViewer';
export { base64ToBytes } from './lib/body';
export { useCaptureDetail, type DetailState } from './detail/useCaptureDetail';
export { hexDumpRows, hexRowCount } from './lib/hexDump';
