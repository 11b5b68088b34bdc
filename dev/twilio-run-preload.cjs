/**
 * Preloaded (node --require) into the twilio-run that dev/twilio-run.ts starts. With --live,
 * twilio-run clears Node's require cache before every request, all of it but its own modules, so
 * every request loaded twilio again (its whole index, for the runtime's TwiML check: about a
 * quarter of a second of CPU here), express's body parsers and the rest of node_modules. Here
 * deleting a module under node_modules from the cache does nothing; everything else is cleared as
 * before. The bundle's handlers are outside node_modules, so each request still loads its
 * handler's bundle anew, and with it all of the product's module-level state: what --live is for.
 * Module._cache is the object require.cache names; Node's loader looks it up on every require.
 */
const Module = require('node:module');
const path = require('node:path');

const dependencies = `${path.sep}node_modules${path.sep}`;
Module._cache = new Proxy(Module._cache, {
  deleteProperty(cache, key) {
    if (typeof key === 'string' && key.includes(dependencies)) return true;
    return Reflect.deleteProperty(cache, key);
  },
});
