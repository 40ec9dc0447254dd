// The pure trigger core shared by the engine and the renderer (no Node imports here).
export * from './bytes';
export * from './lookup';
export * from './basestring';
export * from './secrets';
export * from './run-id';
export * from './workspace';
export * from './presets';
export * from './lint';
