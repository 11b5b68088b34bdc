/** The customer's join page: invite → browser check → /video/join → preview → call → end.
 * Each step is a screen; this file only decides which one comes next. The preview uses the
 * browser's own camera; the Video SDK downloads from the start and runs behind the preview, and
 * only Join waits for it. */
import {
  needsFreshGrant,
  requestJoin,
  type JoinFailure,
  type JoinGrant,
  type JoinResult,
} from '../shared/api';
import { backgroundSupported } from '../shared/background';
import { browserFamily, supportProblem, type SupportProblem } from '../shared/browser';
import { LocalMedia, mediaPermissionGranted } from '../shared/media';
import { videoSdkLoader } from '../shared/sdk';
import { loadStrings, type Strings } from '../shared/strings';
import { loadBlurFilter } from './blur-script';
import { facingOf } from './camera-switch';
import { reportedFacing } from './camera-track';
import { explainedEnd, type EndReason } from './call-state';
import { keepInvite, takeInvite } from './invite';
import { endMessage, failureMessage } from './messages';
import { joinCall, type Call, type CallView } from './room';
import { renderCall } from './view/call';
import { renderLoading, renderMessage } from './view/message';
import { renderPreview } from './view/preview';
import type { BlurChoice } from './view/blur';
import { announce } from '../shared/view/dom';

/** The customer's language, set before the first screen renders (see loadStrings). */
let text: Strings;
const root = document.getElementById('app') as HTMLElement;
const announcer = document.getElementById('announcer') as HTMLElement;
const videoSdk = videoSdkLoader('join');
const family = browserFamily(navigator.userAgent, navigator.maxTouchPoints);
const isPhone = family === 'ios' || family === 'android';
const fetchJson = (url: string, init: RequestInit) => fetch(url, init);

/** While the preview waits for Join it keeps one held /video/join open (`Wait`: answered at once
 * when the link stops admitting, otherwise after 5 s with a fresh grant), only while the tab is
 * visible: an end or a revocation shows without a room connection, and Join always has a fresh
 * grant (README, "The customer's join page"). A request starts at most this often (the hold
 * itself lasts about as long), or after the service's Retry-After when it is busy. */
const PREVIEW_CYCLE_MS = 5000;
/** The newest grant /video/join gave, so a rejoin needs no new check while it is fresh. */
let lastGrant: JoinGrant | null = null;

/** What must be released when the screen changes or the page goes away; null when nothing is open. */
let activeMedia: LocalMedia | null = null;
let activeCall: Call | null = null;
let unloading = false;
/** Stops the current screen's listeners (device changes, media changes). */
let detachScreen: () => void = () => undefined;
/** "Blur my background": offered where the processors can run (checked without fetching them),
 * off by default, kept across a rejoin. Nothing under /processors/ is fetched until it is on. */
const blur: BlurChoice = { supported: backgroundSupported(), on: false, pending: false };
let blurChanges = 0;
/** Re-renders the current screen after a blur change. */
let showBlur: () => void = () => undefined;

listenToPageLifecycle();
const storage = sessionStorageOrNull();
const invite = takeInvite({ location, history, storage });
void loadStrings(navigator.languages?.length ? navigator.languages : [navigator.language], (url) =>
  fetch(url),
).then((strings) => {
  text = strings.text;
  document.documentElement.lang = strings.lang;
  document.documentElement.dir = strings.dir;
  document.title = text.pageTitle;
  start(invite);
});

function start(invite: string | null): void {
  if (!invite) {
    renderMessage(root, {
      state: 'invite-missing',
      icon: 'link',
      title: text.inviteMissingTitle,
      paragraphs: [text.inviteMissingBody],
    });
    return;
  }
  const browserProblem = supportProblem({
    secureContext: window.isSecureContext,
    hasGetUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
    hasPeerConnection: typeof RTCPeerConnection === 'function',
  });
  if (browserProblem) return showUnsupported(browserProblem);
  void checkInvite(invite);
  videoSdk.preload();
}

function showUnsupported(problem: NonNullable<SupportProblem>): void {
  releaseAll();
  const paragraphs =
    problem === 'insecure' ? [text.insecureBody] : [text.unsupportedBody, text.unsupportedInApp];
  renderMessage(root, { state: 'unsupported', icon: 'browser', title: text.unsupportedTitle, paragraphs });
}

/** /video/join, remembering the grant for a rejoin. */
async function askJoin(invite: string, wait = false): Promise<JoinResult> {
  const result = await requestJoin(fetchJson, invite, wait);
  if (result.ok) lastGrant = result.grant;
  return result;
}

function showFailure(invite: string, failure: JoinFailure): void {
  releaseAll();
  renderMessage(
    root,
    failureMessage(text, failure, { label: text.tryAgain, onClick: () => void checkInvite(invite) }),
  );
}

async function checkInvite(invite: string): Promise<void> {
  renderLoading(root, text.checkingInvite);
  const permitted = mediaPermissionGranted();
  const result = await askJoin(invite);
  if (result.ok) showPreview(invite, result.grant, await permitted);
  else showFailure(invite, result.failure);
}

/** Rejoin after leaving or a lost connection: one tap, straight back into the call with the
 * camera and microphone the customer already allowed, no preview and no second Join. The last
 * grant is used while it is fresh; anything that goes wrong falls back to the preview, which
 * says what. */
async function rejoin(invite: string): Promise<void> {
  keepInvite(storage, invite);
  renderLoading(root, text.rejoining);
  const grant = lastGrant && !needsFreshGrant(lastGrant, Date.now()) ? lastGrant : null;
  const result: JoinResult = grant ? { ok: true, grant } : await askJoin(invite);
  if (!result.ok) return showFailure(invite, result.failure);
  const media = newMedia();
  activeMedia = media;
  try {
    const sdk = videoSdk.load();
    await media.start();
    if (activeMedia !== media) return;
    activeCall = await joinCall(await sdk, result.grant, media, text, () => showCall(invite, media), invite);
  } catch {
    if (activeMedia !== media) return;
    releaseAll();
    void checkInvite(invite);
  }
}

const newMedia = () =>
  new LocalMedia(navigator.mediaDevices, {
    followDefaultMicrophone: family !== 'ios',
    cameraFilter: blur.on ? loadBlurFilter : undefined,
    leftUnfiltered: (camera) => facingOf(reportedFacing(camera), camera.label) === 'environment',
  });

/** A link that will never admit anyone again: the preview stops waiting for it. */
const linkGone = (failure: JoinFailure) => ['invalid', 'expired', 'revoked', 'ended'].includes(failure.kind);

function showPreview(invite: string, firstGrant: JoinGrant, permitted: boolean): void {
  const media = newMedia();
  activeMedia = media;
  let grant = firstGrant;
  let joining = false;

  const refreshDevices = async () => preview.setDevices(await media.listDevices());
  const startMedia = async () => {
    preview.setStarting();
    await media.start();
    preview.setStarted();
    await refreshDevices();
  };
  const cannotJoin = () => {
    joining = false;
    preview.setJoining(false, text.joinFailed);
    void followRoom();
  };

  const join = async () => {
    if (joining) return;
    joining = true;
    preview.setJoining(true);
    const sdk = await videoSdk.load().catch(() => null);
    if (!sdk) return cannotJoin();
    if (!sdk.isSupported) return showUnsupported('unsupported');
    if (needsFreshGrant(grant, Date.now())) {
      const result = await askJoin(invite);
      if (!result.ok) return showFailure(invite, result.failure);
      grant = result.grant;
    }
    try {
      activeCall = await joinCall(sdk, grant, media, text, () => showCall(invite, media), invite);
    } catch {
      cannotJoin();
    }
  };

  const preview = renderPreview(
    root,
    { text, media, family, canChooseSpeaker: 'setSinkId' in HTMLMediaElement.prototype, blur },
    {
      startMedia: () => void startMedia(),
      toggleMic: () => media.setMicOn(!media.micOn),
      toggleCamera: () => void media.setCameraOn(!media.cameraOn),
      selectDevice: (kind, deviceId) => void media.selectDevice(kind, deviceId),
      join: () => void join(),
      chooseBlur: (on) => void chooseBlur(media, on, false),
    },
  );
  showBlur = preview.update;
  const sayTranscription = () =>
    preview.setTranscribed(grant.transcription.policy === 'always' || grant.transcription.active);
  sayTranscription();
  const stopFollowingMedia = media.onChange(preview.update);
  const onDeviceChange = () => void refreshDevices();
  navigator.mediaDevices.addEventListener('devicechange', onDeviceChange);
  let following = false;
  const waiting = () => activeMedia === media && !joining && document.visibilityState === 'visible';
  const followRoom = async () => {
    if (following) return;
    following = true;
    while (waiting()) {
      const askedAt = Date.now();
      const result = await askJoin(invite, true);
      if (!waiting()) break;
      if (result.ok) {
        grant = result.grant;
        sayTranscription();
      } else if (linkGone(result.failure)) {
        showFailure(invite, result.failure);
        break;
      }
      // A service that answers without holding is asked no more often than this.
      let pauseMs = PREVIEW_CYCLE_MS - (Date.now() - askedAt);
      if (!result.ok && result.failure.kind === 'busy') pauseMs = result.failure.retryAfterSeconds * 1000;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    following = false;
  };
  void followRoom();
  const onVisible = () => void followRoom();
  document.addEventListener('visibilitychange', onVisible);
  detachScreen = () => {
    stopFollowingMedia();
    navigator.mediaDevices.removeEventListener('devicechange', onDeviceChange);
    document.removeEventListener('visibilitychange', onVisible);
  };

  // A returning customer who already allowed both is not asked again, so no gesture is needed.
  // The SDK's start-up holds the main thread for a while, so it runs once they see themselves.
  if (permitted)
    void startMedia()
      .then(() => (media.video ? preview.firstFrame : undefined))
      .then(startSdk);
  else startSdk();
}

/** Runs the SDK ahead of Join, so Join is quick and a browser the SDK cannot serve is told now. */
function startSdk(): void {
  void videoSdk.load().then(
    (sdk) => {
      if (!sdk.isSupported && activeMedia) showUnsupported('unsupported');
    },
    () => undefined, // Join loads it again.
  );
}

function showCall(invite: string, media: LocalMedia): CallView {
  detachScreen();
  const view = renderCall(
    root,
    announcer,
    text,
    media,
    {
      toggleMic: () => media.setMicOn(!media.micOn),
      toggleCamera: () => void media.setCameraOn(!media.cameraOn),
      chooseBlur: (on) => void chooseBlur(media, on, true),
      leave: () => activeCall?.leave(),
    },
    blur,
  );
  showBlur = view.updateMedia;
  detachScreen = media.onChange(view.updateMedia);
  return {
    ...view,
    render(state, previous) {
      if (state.phase !== 'ended') return view.render(state, previous);
      releaseAll();
      void showEnd(invite, state.endReason ?? 'connection-lost');
    },
  };
}

/** Twilio reports a REST removal as a disconnect without an error: the link, asked once, tells a
 * removal from an ended session or a lost connection. The tab forgets the link (a reload now
 * shows "link incomplete"); Rejoin keeps it again. */
async function showEnd(invite: string, reason: EndReason): Promise<void> {
  if (unloading) return;
  keepInvite(storage, null);
  const told = reason === 'unexplained' ? explainedEnd(await askJoin(invite)) : reason;
  renderMessage(root, endMessage(text, told, { label: text.rejoin, onClick: () => void rejoin(invite) }));
}

/** The camera is made again with or without blur (LocalMedia.setCameraFilter), the preview or
 * the call showing "Blurring your background…" meanwhile. A failure is shown as the camera's
 * problem, with the camera kept off until the customer chooses; the outcome is announced, as the
 * picture alone says nothing to a screen reader. */
async function chooseBlur(media: LocalMedia, on: boolean, inCall: boolean): Promise<void> {
  blur.on = on;
  blurChanges++;
  blur.pending = true;
  showBlur();
  await media.setCameraFilter(on ? loadBlurFilter : undefined);
  blurChanges--;
  blur.pending = blurChanges > 0;
  if (activeMedia !== media) return;
  showBlur();
  if (blur.pending || blur.on !== on) return;
  if (media.video && media.problems.video === null) announce(announcer, on ? text.blurOn : text.blurOff);
  // The preview shows a failure as an alert of its own; the call has no room for it.
  else if (inCall && media.problems.video === 'background') announce(announcer, text.blurFailed);
}

function releaseAll(): void {
  detachScreen();
  detachScreen = () => undefined;
  showBlur = () => undefined;
  activeCall = null;
  activeMedia?.stop();
  activeMedia = null;
}

function listenToPageLifecycle(): void {
  // Leaving the page (closing the tab, navigating away, a phone discarding it) ends the call
  // cleanly instead of leaving the agent looking at a frozen picture until Twilio times it out.
  window.addEventListener('pagehide', () => {
    // A reload must find the invite: this end is not shown, and forgets nothing.
    unloading = true;
    activeCall?.leave();
    releaseAll();
  });
  // Restored from the back-forward cache with everything released: start again (the invite is
  // kept in sessionStorage).
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
  if (isPhone) {
    document.addEventListener('visibilitychange', () => {
      void (document.visibilityState === 'hidden' ? activeMedia?.pageHidden() : activeMedia?.pageShown());
    });
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
