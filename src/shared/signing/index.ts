// Signing profiles and the sender's pure core, shared by the engine, the CLI and the renderer.
export * from './types';
export * from './hmac';
export * from './placement';
export * from './jwt';
export * from './providers';
export * from './sign';
export * from './presets';
export * from './from-trigger';
export * from './run-id-detect';
export * from './validate-profile';
export * from './export-secret';
export * from './export-curl';
export * from './export-code';
