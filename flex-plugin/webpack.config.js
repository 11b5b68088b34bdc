const path = require('path');

/**
 * The toolchain hands its webpack configuration here (flex-plugin build, start, and so
 * twilio flex:plugins:deploy). Its DefinePlugin already holds the FLEX_APP_* variables from the
 * environment, .env and .<profile>.env; a build without the service URL would deploy a plugin that
 * can only say it is misconfigured, so it stops here instead.
 *
 * The plugin shares the service's contract (../src/contract.ts, ../src/panel-protocol.ts) instead of
 * keeping copies that could drift. The toolchain only transpiles and admits modules under
 * flex-plugin/src, so exactly those two files are let in and given to its Babel loader too.
 */
const SHARED_MODULES = ['contract', 'panel-protocol'].map((name) =>
  path.resolve(__dirname, '..', 'src', name),
);

module.exports = (config) => {
  const define = config.plugins.find((plugin) => plugin.definitions && plugin.definitions['process.env']);
  const value = define && define.definitions['process.env'].FLEX_APP_VIDEO_SERVICE_URL;
  if (!value || !JSON.parse(value).trim()) {
    throw new Error(
      'FLEX_APP_VIDEO_SERVICE_URL is not set: give the video service base URL (e.g. https://video-escalation-1234-prod.twil.io) in the environment or in flex-plugin/.env.',
    );
  }

  // The scope check compares the import as written, resolved but without its extension.
  const scope = config.resolve.plugins.find((plugin) => plugin.constructor.name === 'ModuleScopePlugin');
  const babel = config.module.rules
    .flatMap((rule) => rule.oneOf || [])
    .find((rule) => typeof rule.loader === 'string' && rule.loader.includes('babel-loader'));
  if (!scope || !babel) {
    throw new Error('the plugin toolchain changed: its module scope check or Babel loader was not found');
  }
  for (const module of SHARED_MODULES) scope.allowedFiles.add(module);
  babel.include = [babel.include, ...SHARED_MODULES.map((module) => `${module}.ts`)];
  return config;
};
