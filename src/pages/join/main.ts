/** The customer's join page: invite → browser check → /video/join → preview → call → end.
 * Each step is a screen; this file only decides which one comes next. */
import { needsFreshGrant, requestJoin, type JoinFailure, type JoinGrant, type JoinResult } from '../shared/api';
import { browserFamily, supportProblem, type SupportProblem } from '../shared/browser';
import type { EndReason } from './call-state';
import { takeInvite } from './invite';
import { LocalMedia } from '../shared/media';
import { joinCall, type Call, type CallView } from './room';
import { videoSdk, type VideoSdk } from '../shared/sdk';
import { fill, stringsFor } from '../shared/strings';
import { renderCall } from './view/call';
import { renderLoading, renderMessage, type Message, type MessageAction } from './view/message';
import { renderPreview } from './view/preview';

// The build targets Safari 14.0, whose destructuring bug makes esbuild refuse `const { a } =`.
const strings = stringsFor(navigator.languages?.length ? navigator.languages : [navigator.language]);
const text = strings.text;
const root = document.getElementById('app') as HTMLElement;
const announcer = document.getElementById('announcer') as HTMLElement;
const family = browserFamily(navigator.userAgent, navigator.maxTouchPoints);
const isPhone = family === 'ios' || family === 'android';
const fetchJson = (url: string, init: RequestInit) => fetch(url, init);

/** What must be released when the page goes away; null when nothing is open. */
let activeMedia: LocalMedia | null = null;
let activeCall: Call | null = null;

document.documentElement.lang = strings.lang;
document.title = text.pageTitle;
listenToPageLifecycle();
start(takeInvite({ location, history, storage: sessionStorageOrNull() }));

function start(invite: string | null): void {
  if (!invite) {
    renderMessage(root, { state: 'invite-missing', icon: 'link', title: text.inviteMissingTitle, paragraphs: [text.inviteMissingBody] });
    return;
  }
  renderLoading(root, text.checkingInvite);
  const browserProblem = supportProblem({
    secureContext: window.isSecureContext,
    hasGetUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
  });
  if (browserProblem) return showUnsupported(browserProblem);
  // The invite is checked while the SDK script (deferred after this one) is still loading.
  const checking = requestJoin(fetchJson, invite);
  void afterSdkScript().then(() => {
    const sdk = videoSdk();
    if (!sdk?.isSupported) return showUnsupported('unsupported');
    void checkInvite(sdk, invite, checking);
  });
}

function showUnsupported(problem: NonNullable<SupportProblem>): void {
  const paragraphs = problem === 'insecure' ? [text.insecureBody] : [text.unsupportedBody, text.unsupportedInApp];
  renderMessage(root, { state: 'unsupported', icon: 'browser', title: text.unsupportedTitle, paragraphs });
}

/** join.html defers the SDK after this script, so it has run (or failed to load) by
 * DOMContentLoaded, which never fires before a deferred script like this one has run. */
function afterSdkScript(): Promise<void> {
  return new Promise((resolve) => {
    if (videoSdk()) resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
}

async function checkInvite(sdk: VideoSdk, invite: string, pending?: Promise<JoinResult>): Promise<void> {
  renderLoading(root, text.checkingInvite);
  const result = await (pending ?? requestJoin(fetchJson, invite));
  if (result.ok) showPreview(sdk, invite, result.grant);
  else renderMessage(root, failureMessage(result.failure, { label: text.tryAgain, onClick: () => void checkInvite(sdk, invite) }));
}

function showPreview(sdk: VideoSdk, invite: string, grant: JoinGrant): void {
  const media = new LocalMedia(sdk);
  activeMedia = media;
  let joining = false;

  const refreshDevices = async () => preview.setDevices(await media.listDevices());
  const startMedia = async () => {
    preview.setStarting();
    await media.start();
    preview.setStarted();
    await refreshDevices();
  };

  const join = async (name: string) => {
    if (joining) return;
    joining = true;
    preview.setJoining(true);
    let current = grant;
    if (needsFreshGrant(grant, name, Date.now())) {
      const result = await requestJoin(fetchJson, invite, name);
      if (!result.ok) {
        stopListening();
        releaseAll();
        renderMessage(root, failureMessage(result.failure, { label: text.tryAgain, onClick: () => void checkInvite(sdk, invite) }));
        return;
      }
      current = result.grant;
    }
    try {
      activeCall = await joinCall(sdk, current, media, () => {
        stopListening();
        return showCall(sdk, invite, media);
      });
    } catch {
      joining = false;
      preview.setJoining(false, text.joinFailed);
    }
  };

  const preview = renderPreview(
    root,
    { text, media, family, canChooseSpeaker: 'setSinkId' in HTMLMediaElement.prototype },
    {
      startMedia: () => void startMedia(),
      toggleMic: () => {
        media.setMicOn(!media.micOn);
        preview.update();
      },
      toggleCamera: () => void media.setCameraOn(!media.cameraOn).then(preview.update),
      selectDevice: (kind, deviceId) => {
        if (kind === 'camera') void media.useCamera(deviceId);
        else if (kind === 'microphone') void media.useMicrophone(deviceId);
        else media.speakerId = deviceId;
      },
      join: (name) => void join(name),
    },
  );
  const stopFollowingCamera = media.onVideoTrackChange(() => preview.update());
  const onDeviceChange = () => void refreshDevices();
  navigator.mediaDevices.addEventListener('devicechange', onDeviceChange);
  const stopListening = () => {
    stopFollowingCamera();
    navigator.mediaDevices.removeEventListener('devicechange', onDeviceChange);
  };

  // A returning customer who already allowed both is not asked again, so no gesture is needed.
  void mediaPermissionGranted().then((granted) => {
    if (granted) void startMedia();
  });
}

function showCall(sdk: VideoSdk, invite: string, media: LocalMedia): CallView {
  const view = renderCall(root, announcer, text, media, {
    toggleMic: () => {
      media.setMicOn(!media.micOn);
      view.updateMedia();
    },
    toggleCamera: () => void media.setCameraOn(!media.cameraOn).then(view.updateMedia),
    leave: () => activeCall?.leave(),
  });
  const stopFollowingCamera = media.onVideoTrackChange(() => view.updateMedia());
  return {
    ...view,
    render(state, previous) {
      if (state.phase !== 'ended') return view.render(state, previous);
      stopFollowingCamera();
      releaseAll();
      renderMessage(root, endMessage(state.endReason ?? 'connection-lost', { label: text.rejoin, onClick: () => void checkInvite(sdk, invite) }));
    },
  };
}

function failureMessage(failure: JoinFailure, retry: MessageAction): Message {
  switch (failure.kind) {
    case 'invalid':
      return { state: 'invite-invalid', icon: 'link', title: text.inviteInvalidTitle, paragraphs: [text.inviteInvalidBody, text.askForNewLink] };
    case 'expired':
      return { state: 'invite-expired', icon: 'clock', title: text.inviteExpiredTitle, paragraphs: [text.inviteExpiredBody, text.askForNewLink] };
    case 'ended':
      return { state: 'session-ended', icon: 'end', title: text.sessionEndedTitle, paragraphs: [text.sessionEndedBody, text.askForNewLink] };
    case 'busy':
      return { state: 'busy', icon: 'alert', title: text.serviceBusyTitle, paragraphs: [fill(text.serviceBusyBody, { seconds: failure.retryAfterSeconds })], action: retry };
    case 'offline':
      return { state: 'offline', icon: 'alert', title: text.serviceErrorTitle, paragraphs: [text.offlineBody], action: retry };
    case 'failed':
      return { state: 'error', icon: 'alert', title: text.serviceErrorTitle, paragraphs: [text.serviceErrorBody], action: retry };
  }
}

function endMessage(reason: EndReason, rejoin: MessageAction): Message {
  switch (reason) {
    case 'agent-ended':
      return { state: 'ended', icon: 'end', title: text.endedByAgentTitle, paragraphs: [text.endedByAgentBody, text.closeHint] };
    case 'left':
      return { state: 'left', icon: 'end', title: text.leftTitle, paragraphs: [text.leftBody], action: rejoin };
    case 'connection-lost':
      return { state: 'connection-lost', icon: 'alert', title: text.connectionLostTitle, paragraphs: [text.connectionLostBody], action: rejoin };
    case 'replaced':
      return { state: 'replaced', icon: 'alert', title: text.replacedTitle, paragraphs: [text.replacedBody, text.closeHint] };
  }
}

function releaseAll(): void {
  activeCall = null;
  activeMedia?.stop();
  activeMedia = null;
}

function listenToPageLifecycle(): void {
  // Leaving the page (closing the tab, navigating away, a phone discarding it) ends the call
  // cleanly instead of leaving the agent looking at a frozen picture until Twilio times it out.
  window.addEventListener('pagehide', () => {
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
      void (document.visibilityState === 'hidden' ? activeMedia?.pauseCamera() : activeMedia?.resumeCamera());
    });
  }
}

async function mediaPermissionGranted(): Promise<boolean> {
  try {
    const names = ['camera', 'microphone'] as PermissionName[];
    const states = await Promise.all(names.map((name) => navigator.permissions.query({ name })));
    return states.every((status) => status.state === 'granted');
  } catch {
    return false; // Firefox and older Safari cannot query these; the button is always there.
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
