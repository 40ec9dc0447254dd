// The captures feature's public surface: a capture's detail (run payloads, the basestring view
// load it). The body viewers it shares live in components/body, their helpers in lib/.
export { useCaptureDetail, type DetailState } from './detail/useCaptureDetail';
