// Read only by `twilio flex:plugins:start`, the toolchain's local Flex: load plugins from the local
// plugin server. Deployed plugins are listed by Flex's Plugins API instead.
window.appConfig = {
  pluginService: {
    enabled: true,
    url: '/plugins',
  },
  logLevel: 'info',
};
