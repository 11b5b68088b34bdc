// The twilio-video SDK as the pages load it (`window.Twilio.Video`), bundled by build.mjs from the
// pinned package's own CommonJS sources, unmodified: the modules its lib/index.ts puts together,
// wired the same way (connect with the SDK's createLocalTracks), less what the pages never call
// (createLocalAudioTrack, createLocalVideoTrack, createLocalTracks, Logger). The join page's build
// also leaves out the preflight test, which only the panel's equipment check runs: 3.4 kB gzip of
// the join page's 105 kB budget. WITH_PREFLIGHT is set by build.mjs for each page.
/* global WITH_PREFLIGHT -- a constant build.mjs defines for each page's file */
const { createLocalTracks } = require('twilio-video/lib/createlocaltracks');
const connect = require('twilio-video/lib/connect');
const { LocalAudioTrack, LocalDataTrack, LocalVideoTrack } = require('twilio-video/lib/media/track/es5');

const sdk = {
  connect: (token, options) => connect(token, { createLocalTracks, ...options }),
  isSupported: require('twilio-video/lib/util/support')(),
  version: require('twilio-video/package.json').version,
  LocalAudioTrack,
  LocalDataTrack,
  LocalVideoTrack,
};
if (WITH_PREFLIGHT) sdk.runPreflight = require('twilio-video/lib/preflight/preflighttest').runPreflight;

// As the SDK's own dist file: a `Twilio.Video` already there is kept.
globalThis.Twilio = globalThis.Twilio || {};
globalThis.Twilio.Video = globalThis.Twilio.Video || sdk;
