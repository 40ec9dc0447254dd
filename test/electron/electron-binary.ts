// The Electron e2e test asks the same helper as `npm start` whether the binary is there.
export { findElectronBinary, type ElectronBinary } from '../../scripts/electron-binary.cjs';
