// The development token for the local Graph stand-in (which accepts any bearer token). It is only
// ever used when the configured Graph root is a loopback address and no Entra app is configured.
export const STANDIN_TOKEN = 'delib-standin-development-token';
