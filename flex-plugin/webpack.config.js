/**
 * The toolchain hands its webpack configuration here (flex-plugin build, start, and so
 * twilio flex:plugins:deploy). Its DefinePlugin already holds the FLEX_APP_* variables from the
 * environment, .env and .<profile>.env; a build without the service URL would deploy a plugin that
 * can only say it is misconfigured, so it stops here instead.
 */
module.exports = (config) => {
  const define = config.plugins.find((plugin) => plugin.definitions && plugin.definitions['process.env']);
  const value = define && define.definitions['process.env'].FLEX_APP_VIDEO_SERVICE_URL;
  if (!value || !JSON.parse(value).trim()) {
    throw new Error(
      'FLEX_APP_VIDEO_SERVICE_URL is not set: give the video service base URL (e.g. https://video-escalation-1234-prod.twil.io) in the environment or in flex-plugin/.env.',
    );
  }
  return config;
};
