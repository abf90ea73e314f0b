/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script for plain node */
/* global require, module, process, console */
// The dev server's transport: https with the Office developer certificates where they can be
// installed (Excel refuses http add-ins), plain http on localhost where they cannot (no sudo, no
// trust store: containers and CI). The choice is printed so nobody wonders why Excel will not load it.
'use strict';

async function devServerTransport({ log = console.log } = {}) {
  if (process.env.DELIB_HTTP === '1') {
    log('delib: serving over http (DELIB_HTTP=1)');
    return { protocol: 'http', server: { type: 'http' } };
  }
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    log('delib: serving over https with the Office add-in developer certificates');
    return { protocol: 'https', server: { type: 'https', options } };
  } catch (error) {
    const reason = error && error.message ? error.message.split('\n')[0] : String(error);
    log(`delib: https certificates could not be installed (${reason}); serving over plain http on localhost`);
    log(
      'delib: Excel needs https; install the certificates with `npx office-addin-dev-certs install` where you can.',
    );
    return { protocol: 'http', server: { type: 'http' } };
  }
}

module.exports = { devServerTransport };
