// The engine's version, recorded in stamps and submissions. Its own module so that `delib --version`
// names it without loading the engine.
export const ENGINE_VERSION = '1.0.0';
