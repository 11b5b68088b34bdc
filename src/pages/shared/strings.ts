/** Every piece of text the join page shows or announces. `{name}` placeholders are filled by
 * `fill`. English is the reference and the fallback, and the only language in the page's bundle:
 * each other language is a file of its own (src/pages/shared/languages/<tag>.ts, typed `Strings`
 * so tsc refuses a missing or extra key), built into /join/lang/<tag>.json and fetched before the
 * first render only by a browser that prefers it. To add a language: write its file and add its
 * tag to JOIN_LANGUAGES (the README's "Join page languages" says more). */
export const en = {
  pageTitle: 'Video call',
  checkingInvite: 'Checking your invitation…',

  inviteMissingTitle: 'This link is incomplete',
  inviteMissingBody:
    'The video call link seems to be cut short. Go back to the chat and tap the whole link, or ask the agent for a new one.',
  inviteInvalidTitle: 'This link doesn’t work',
  inviteInvalidBody:
    'We couldn’t recognise this video call link. It may have been copied incompletely or changed.',
  inviteExpiredTitle: 'This link has expired',
  inviteExpiredBody: 'Video call links only work for a short time, to keep your call private.',
  inviteRevokedTitle: 'A newer link was sent',
  inviteRevokedBody: 'The agent sent you a newer video call link in the chat, so this one no longer works.',
  useNewestLink: 'Go back to the chat and open the newest link to join the call.',
  sessionEndedTitle: 'This video call has ended',
  sessionEndedBody: 'The agent has already closed this video call, so the link no longer works.',
  askForNewLink: 'If you still need help, go back to the chat and ask the agent for a new link.',
  serviceBusyTitle: 'We couldn’t connect you yet',
  serviceBusyBody: 'The video service is busy right now. Please try again in {seconds} seconds.',
  serviceErrorTitle: 'Something went wrong',
  serviceErrorBody: 'We couldn’t start the video call. Please try again in a moment.',
  offlineBody: 'We couldn’t reach the video service. Check that you are online and try again.',
  tryAgain: 'Try again',

  unsupportedTitle: 'This browser can’t make video calls',
  unsupportedBody: 'Open the link from the chat in an up-to-date Chrome, Safari, Edge or Firefox.',
  unsupportedInApp: 'If the link opened inside another app, use its menu to open it in your browser instead.',
  insecureBody:
    'Video calls only work over a secure (https) connection. Open the link exactly as the agent sent it.',

  previewTitle: 'Ready to join?',
  previewIntro:
    'The agent from your chat has invited you to a video call. Check your camera and microphone first.',
  startMedia: 'Turn on camera and microphone',
  startingMedia: 'Starting camera and microphone…',
  previewPlaceholder: 'Your camera preview will appear here',
  cameraOffPreview: 'Your camera is off',
  noCameraPreview: 'No camera',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  deviceFallback: '{kind} {number}',
  join: 'Join call',
  joinAudioOnly: 'Join with audio only',
  joinVideoOnly: 'Join with video only',
  joinWithoutMedia: 'Join without camera and microphone',
  joining: 'Joining…',
  joinFailed: 'We couldn’t connect the call. Check your connection and try again.',

  muteMic: 'Mute microphone',
  unmuteMic: 'Unmute microphone',
  cameraOff: 'Turn camera off',
  cameraOn: 'Turn camera on',
  leave: 'Leave call',
  blurBackground: 'Blur my background',
  blurHint: 'Only you stay sharp. This may take a few seconds to start.',
  blurStarting: 'Blurring your background…',
  blurOn: 'Your background is blurred.',
  blurOff: 'Your background is no longer blurred.',
  blurFailedShort: 'Blur couldn’t start, so your camera is off',
  blurFailed:
    'Your background couldn’t be blurred in this browser, so your camera stays off. Select “Try again”, or turn off “Blur my background” and then turn your camera on without blur.',

  deniedBoth: 'Your browser blocked the camera and microphone.',
  deniedCamera: 'Your browser blocked the camera.',
  deniedMicrophone: 'Your browser blocked the microphone.',
  notFoundCamera: 'We couldn’t find a camera. You can still join with audio.',
  notFoundMicrophone: 'We couldn’t find a microphone. You can still join with video.',
  inUseCamera: 'Your camera is being used by another app. Close that app and try again.',
  inUseMicrophone: 'Your microphone is being used by another app. Close that app and try again.',
  mediaFailed: 'We couldn’t start your camera or microphone.',
  permissionHelpChrome:
    'Select the camera icon at the right of the address bar, choose “Always allow”, then select “Try again”.',
  permissionHelpEdge:
    'Select the lock icon at the left of the address bar, set Camera and Microphone to “Allow”, then select “Try again”.',
  permissionHelpFirefox:
    'Select the crossed-out camera icon in the address bar, remove the block, then select “Try again”.',
  permissionHelpSafari:
    'In the Safari menu, choose “Settings for this website”, set Camera and Microphone to “Allow”, then select “Try again”.',
  permissionHelpIos:
    'Tap “aA” in the address bar, choose “Website Settings”, set Camera and Microphone to “Allow”, then tap “Try again”.',
  permissionHelpAndroid:
    'Tap the icon at the left of the address bar, choose “Permissions”, allow Camera and Microphone, then tap “Try again”.',
  permissionHelpOther:
    'Allow camera and microphone for this site in your browser’s settings, then select “Try again”.',

  waitingForAgent: 'Waiting for the agent to join…',
  agentLeft: 'The agent left the call. Waiting for them to come back…',
  agentJoined: 'The agent has joined the call.',
  inCall: 'In this call ({count}):',
  you: 'You',
  roleAgent: 'Agent',
  roleSupervisor: 'Supervisor',
  roleOther: 'Another participant',
  joined: '{role} joined the call.',
  left: '{role} left the call.',
  agentVideo: 'Agent’s video',
  yourVideo: 'Your video',
  recording: 'Recording',
  recordingStarted: 'This call is now being recorded.',
  recordingStopped: 'Recording has stopped.',
  transcribing: 'Transcribing',
  transcriptionStarted: 'This call is now being transcribed.',
  transcriptionStopped: 'Transcription has stopped.',
  transcribedCall: 'This call is transcribed: what you and the agent say is written down as text.',
  captions: 'Captions',
  captionsRegion: 'Captions of the agent’s words',
  reconnecting: 'Connection lost. Reconnecting…',
  reconnected: 'Reconnected.',
  networkQuality: 'Network quality: {level} out of 5',
  networkWeak: 'Your connection is weak. Video may pause.',

  endedByAgentTitle: 'The call has ended',
  endedByAgentBody: 'The agent ended the video call. You can continue in the chat.',
  leftTitle: 'You left the call',
  leftBody: 'You can rejoin while the agent is still in the call.',
  connectionLostTitle: 'The call was disconnected',
  connectionLostBody: 'We lost the connection to the call. Check that you are online, then rejoin.',
  replacedTitle: 'You joined from somewhere else',
  replacedBody: 'This call is open in another tab or on another device, so it was closed here.',
  removedTitle: 'You were removed from the call',
  removedBody: 'The agent removed you from the video call or sent you a newer link.',
  rejoin: 'Rejoin call',
  closeHint: 'You can close this page.',
  agentMicOff: 'The agent’s microphone is off',
  agentCameraOff: 'The agent’s camera is off',
  agentMicOn: 'The agent’s microphone is on.',
  agentCameraOn: 'The agent’s camera is on.',
  callTime: 'Call time',
  moveSelfView: 'Move your video',
  rejoining: 'Rejoining the call…',
  snapshotAskTitle: 'The agent would like to take a picture',
  snapshotAskBody: 'A still from your camera will be added to this chat.',
  snapshotAllow: 'Allow',
  snapshotDecline: 'Decline',
  snapshotTaken: 'The agent took a picture',
};

export type Strings = typeof en;
export type StringKey = keyof Strings;

/** The visual assist's words (issue 21): apart from `en` so that only /join/assist.js, fetched
 * once the call is connected, carries the English ones. The other languages' files hold them
 * beside the page's own (JoinCatalog), so the language file already fetched brings them. */
export const assistEn = {
  switchCamera: 'Switch camera',
  chooseCamera: 'Choose a camera',
  torchOn: 'Torch on',
  torchOff: 'Torch off',
  backCameraAsked: 'The agent asks to see it with your back camera.',
  useBackCamera: 'Use back camera',
  notNow: 'Not now',
  audioOnly: 'Audio only',
  videoBackOn: 'Video on',
  audioOnlyOffer: 'Your connection is weak. Switch to audio only?',
  audioOnlyTaken: 'Your connection is too weak for video, so only your voice is sent.',
  videoOffer: 'Your connection is better again. Turn your video back on?',
  agentAudioOnly: 'The agent switched to audio only.',
  agentAudioOnlyNetwork: 'The agent’s connection is too weak for video: you hear them without seeing them.',
  agentPointing: 'The agent is pointing at something in your video.',
};
export type AssistStrings = typeof assistEn;
/** What each language file (languages/<tag>.ts) holds: the page's words and the assist's. */
export type JoinCatalog = Strings & AssistStrings;

/** The assist's words in the page's language: those the page's catalog holds, else English. */
export function assistStrings(text: Strings): AssistStrings {
  const catalog: Strings & Partial<AssistStrings> = text;
  const words = { ...assistEn };
  for (const key of Object.keys(assistEn) as (keyof AssistStrings)[])
    if (typeof catalog[key] === 'string') words[key] = catalog[key];
  return words;
}

/** The join page's languages: English in the bundle, each other one in /join/lang/<tag>.json. */
export const JOIN_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
/** Languages written right to left; none ships yet, but one added here lays the page out RTL. */
const RIGHT_TO_LEFT = ['ar', 'fa', 'he', 'ur'];
/** Long enough for a small file on a slow phone network; after it the page goes on in English
 * rather than leave the customer with a blank screen. */
const LANGUAGE_TIMEOUT_MS = 4000;

/** The first of the browser's preferred languages that has a catalog, matching `es-MX` to `es`;
 * English when none does. */
export function pickLanguage(preferred: readonly string[], available: readonly string[]): string {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const match =
      available.find((lang) => lang === lower) ?? available.find((lang) => lang === lower.split('-')[0]);
    if (match) return match;
  }
  return 'en';
}

export interface PageStrings {
  /** The language shown: the page's `lang` and the locale of its numbers, dates and times. */
  lang: string;
  dir: 'ltr' | 'rtl';
  text: Strings;
}

export const directionOf = (lang: string): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.includes(lang) ? 'rtl' : 'ltr');

/**
 * The join page's text in the first of the browser's preferred languages the page speaks:
 * English at once, any other fetched from /join/lang/<tag>.json (same origin, the CSP's
 * connect-src 'self'). English when the file cannot be fetched, read or in time. A key missing
 * from the file (a page cached from before a deploy that added it) reads in English rather than
 * as nothing; a shipped file has every key (tsc and strings.test.ts).
 */
export async function loadStrings(
  preferred: readonly string[],
  fetchJson: (url: string) => Promise<Response>,
): Promise<PageStrings> {
  const lang = pickLanguage(preferred, JOIN_LANGUAGES);
  const text: Partial<Strings> | null =
    lang === 'en'
      ? null
      : await Promise.race([
          fetchJson(`/join/lang/${lang}.json`)
            .then((response) => (response.ok ? (response.json() as Promise<Partial<Strings>>) : null))
            .catch(() => null),
          new Promise<null>((resolve) => setTimeout(resolve, LANGUAGE_TIMEOUT_MS, null)),
        ]);
  return text
    ? { lang, dir: directionOf(lang), text: { ...en, ...text } }
    : { lang: 'en', dir: 'ltr', text: en };
}

/** Replaces each `{name}` in a template; unknown placeholders are left as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

// ---- The agent panel (/agent.html) ---------------------------------------------------------
// Its own catalog: the agent and the customer may not read the same language, and neither page
// should carry the other's text. Same rules: English is the reference, `{name}` is filled by fill.
const agentEn = {
  pageTitle: 'Video call',
  loading: 'Loading the video panel…',
  configFailedTitle: 'The video panel couldn’t start',
  configFailedBody:
    'It couldn’t load its settings from the video service. Check your connection and try again.',
  noHostTitle: 'Open this panel from Flex',
  noHostBody: 'The video panel works inside a Flex task. Open the task in Flex and use its video tab.',
  waitingForHost: 'Waiting for Flex…',
  checkingRoom: 'Looking for this task’s video call…',
  tryAgain: 'Try again',

  setupTitle: 'Video call',
  setupIntro:
    'Start a video call with the customer in this chat. They get a link in the chat; your camera is shown to them as below.',
  previewLabel: 'Your camera, as the customer will see it',
  previewOff: 'Your camera is off',
  previewStart: 'Preview my camera',
  previewStarting: 'Starting camera and microphone…',
  startCall: 'Start video call',
  starting: 'Starting the video call…',
  connecting: 'Joining the video call…',

  stageLabel: 'Customer’s video',
  selfViewLabel: 'Your video',
  waitingForCustomer: 'Waiting for the customer to join from the link in the chat…',
  customerLeft: 'The customer left the call. They can rejoin from the same link.',
  customerRemoved:
    'You removed the customer. Their link no longer works: send a new link to let them back in.',
  customerCameraOff: 'The customer’s camera is off',
  customerMicOff: 'The customer’s microphone is off',
  statusConnected: 'Live',
  /** Connected, and no customer in the room yet (or any more): "Live" means they are there. */
  statusWaiting: 'Waiting for the customer',
  statusReconnecting: 'Reconnecting…',
  recordingIndicator: 'Recording',
  reconnecting: 'Connection lost. Reconnecting…',
  rejoining: 'Rejoining the call…',
  reconnected: 'Reconnected.',
  networkYou: 'Your network: {level} of 5',
  networkCustomer: 'Customer’s network: {level} of 5',

  controlsLabel: 'Call controls',
  muteMic: 'Mute microphone',
  unmuteMic: 'Unmute microphone',
  cameraOff: 'Turn camera off',
  cameraOn: 'Turn camera on',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing screen',
  sharing: 'You are sharing your screen.',
  shareStopped: 'Screen sharing stopped.',
  shareFailed: 'Your screen couldn’t be shared.',
  devices: 'Devices',
  hideDevices: 'Hide devices',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  deviceFallback: '{kind} {number}',
  micBlocked: 'Your browser blocked the microphone for this panel.',
  cameraBlocked: 'Your browser blocked the camera for this panel.',
  micMissing: 'No microphone was found.',
  cameraMissing: 'No camera was found.',
  deviceInUse: 'Your camera or microphone is in use by another app.',
  mediaFailed: 'Your camera or microphone couldn’t be started.',

  recordingHeading: 'Recording',
  startRecording: 'Start recording',
  stopRecording: 'Stop recording',
  recordingWorking: 'Updating recording…',
  recordingOn: 'This call is being recorded. The customer was told in the chat.',
  recordingOff: 'This call is not being recorded.',
  policyAlways: 'Your company records every video call; recording can’t be stopped.',
  policyOff: 'Your company has turned recording off for video calls.',
  recordingStarted: 'Recording started.',
  recordingStopped: 'Recording stopped.',
  transcriptionHeading: 'Transcription',
  startTranscription: 'Start transcription',
  stopTranscription: 'Stop transcription',
  transcriptionWorking: 'Updating transcription…',
  transcriptionOn: 'This call is being transcribed. The customer was told in the chat.',
  transcriptionOff: 'This call is not being transcribed.',
  transcriptionPolicyAlways: 'Your company transcribes every video call; transcription can’t be stopped.',
  transcriptionStarted: 'Transcription started.',
  transcriptionStopped: 'Transcription stopped.',
  captions: 'Captions',
  captionsRegion: 'Captions of the customer’s words',

  participantsHeading: 'In the call',
  you: 'You',
  customer: 'Customer',
  customerNumbered: 'Customer {number}',
  otherAgent: 'Another agent',
  otherAgentNumbered: 'Agent {number}',
  supervisor: 'Supervisor',
  supervisorNumbered: 'Supervisor {number}',
  unexpected: 'Unexpected participant',
  unexpectedHint: 'Not invited by this panel. Remove them if you don’t know who this is.',
  remove: 'Remove',
  removeNamed: 'Remove {name}',
  confirmRemove: 'Remove {name} from the call? Their link stops working.',
  confirm: 'Remove',
  cancel: 'Cancel',
  removed: '{name} was removed from the call.',
  removeFailed: '{name} couldn’t be removed.',
  participantJoined: '{name} joined the call.',
  participantLeft: '{name} left the call.',
  newLink: 'Send a new link',
  newLinkHint: 'Posts a new link in the chat. Earlier links stop working.',
  newLinkSent: 'A new link was posted in the chat.',
  newLinkFailed: 'The new link couldn’t be sent.',
  inviteSent: 'The link was posted in the chat.',
  invitePending: 'The link is being posted in the chat.',

  endSession: 'End video call',
  confirmEnd: 'End the video call for everyone? The customer is told in the chat.',
  confirmEndAction: 'End call',
  ending: 'Ending the video call…',
  endFailed: 'The video call couldn’t be ended.',
  endedTitle: 'The video call has ended',
  endedBody: 'The customer was told in the chat. You can continue the conversation there.',
  startAnother: 'Start a new video call',
  replacedTitle: 'You joined from somewhere else',
  replacedBody: 'This call is open in another tab or window, so it was closed here.',
  rejoinHere: 'Rejoin here',
  failedTitle: 'The video call isn’t available',

  backgroundUnsupported:
    'Your company requires a background effect that this browser can’t apply, so your camera stays off. The customer can still hear you. Use an up-to-date Chrome or Edge to be seen.',
  checkTitle: 'Equipment check',
  checkIntro: 'Before your first call of the day, or whenever something seems wrong.',
  checkRun: 'Check my equipment',
  checkRunning: 'Checking…',
  checkAgain: 'Check again',
  checkMeterLabel: 'Microphone level',
  checkSpeak: 'Say a few words: the meter should move.',
  checkHeadphones: 'Headphones or a headset keep the customer from hearing their own voice back (echo).',
  checkItemCamera: 'Camera',
  checkItemMicrophone: 'Microphone',
  checkItemSpeakers: 'Speakers or headphones',
  checkItemNetwork: 'Network to Twilio',
  checkPending: 'Checking…',
  checkVerdictGood: 'Good',
  checkVerdictWarning: 'Check this',
  checkVerdictProblem: 'Problem',
  checkDone: 'Equipment check finished: {summary}.',
  'camera-good': 'The picture is clear and moving ({width}×{height}).',
  'camera-missing': 'No camera is on. Turn the camera on or allow it in the browser, then check again.',
  'camera-no-frames':
    'The camera sends no picture. Close other apps using it, or pick another camera, then check again.',
  'camera-low-resolution':
    'The picture is small ({width}×{height}). Pick a better camera in the device settings if you have one.',
  'camera-dark': 'The picture is too dark. Turn on a light in front of you, not behind you.',
  'camera-black':
    'The picture is black. Check the camera’s privacy cover or shutter, or pick another camera.',
  'camera-frozen': 'The picture is frozen. Unplug and reconnect the camera, or pick another one.',
  'microphone-good': 'Your voice comes through.',
  'microphone-missing':
    'No microphone is on. Allow it in the browser or plug in a headset, then check again.',
  'microphone-silent':
    'Nothing was heard. Unmute the headset or pick another microphone, then speak during the check.',
  'microphone-clipping':
    'Your voice is too loud and distorts. Move the microphone away from your mouth or lower its input level.',
  'speakers-played':
    'A test tone was played on the chosen output. If you didn’t hear it, pick another output in the device settings.',
  'speakers-failed':
    'The test tone couldn’t be played on the chosen output. Pick another output in the device settings.',
  'network-good':
    'Good: connected in {connectMs} ms, round trip {rttMs} ms, jitter {jitterMs} ms, {packetLossPercent}% packets lost.',
  'network-fair':
    'Calls may stutter: connected in {connectMs} ms, round trip {rttMs} ms, jitter {jitterMs} ms, {packetLossPercent}% packets lost. Use a cable or move closer to the Wi-Fi.',
  'network-poor':
    'Too weak for video: round trip {rttMs} ms, jitter {jitterMs} ms, {packetLossPercent}% packets lost. Use a cable, close downloads, or call IT.',
  'network-unreachable':
    'Twilio can’t be reached from this network. A firewall or proxy may block it: ask IT to allow Twilio Video.',
  'network-failed':
    'The network test couldn’t start: the video service didn’t answer. Try again in a moment.',

  appearanceTitle: 'Appearance check',
  appearanceIntro: 'How you look and sound to the customer, judged on the picture they would get.',
  appearanceRun: 'Check how I look and sound',
  appearanceRunning: 'Checking…',
  appearanceAgain: 'Check again',
  appearanceRead: 'Read this aloud at your usual voice: “{sentence}”',
  appearanceSentence: 'Thank you for waiting, I can see your order now and I will help you with it.',
  appearanceItemFraming: 'Framing',
  appearanceItemLighting: 'Lighting',
  appearanceItemVoice: 'Voice',
  appearanceItemEcho: 'Echo',
  appearanceDone: 'Appearance check finished: {summary}.',
  'appearance-unavailable': 'The appearance check couldn’t load. Check your connection and try again.',
  'appearance-framing-good': 'Your face is centred at a good size, with the camera near eye level.',
  'appearance-no-face':
    'No face was found. Sit in front of the camera, facing it, and make sure the picture is not covered.',
  'appearance-too-close':
    'You are too close: the customer sees only your face. Sit back or move the camera away.',
  'appearance-too-far':
    'You look far away. Move closer to the camera so your head and shoulders fill the picture.',
  'appearance-head-cut': 'The top of your head is cut off. Tilt the camera up or sit a little lower.',
  'appearance-off-centre':
    'Your face is off to one side. Move the camera or your chair so you are in the middle.',
  'appearance-too-low': 'There is a lot of space above your head. Tilt the camera down or raise your seat.',
  'appearance-camera-low':
    'The camera looks up at you. Raise it to eye level: put the laptop on a stand or a few books.',
  'appearance-camera-high': 'The camera looks down on you. Lower it to eye level.',
  'appearance-lighting-good': 'Your face is evenly lit.',
  'appearance-lighting-unknown': 'Lighting could not be judged without a face in the picture.',
  'appearance-face-black': 'Your face is in the dark. Turn on a light in front of you.',
  'appearance-face-dark': 'Your face is too dark. Turn on a light in front of you, or face a window.',
  'appearance-face-blown':
    'Your face is too bright and loses detail. Dim the light on it or move it further away.',
  'appearance-backlit':
    'The light behind you is much brighter than your face. Close the blind behind you or turn to face the light.',
  'appearance-uneven':
    'One side of your face is much darker. Add light on that side or turn towards the light.',
  'appearance-voice-good': 'Your voice is clear over the room ({snrDb} dB above its noise).',
  'appearance-voice-missing':
    'No microphone is on. Allow it in the browser or plug in a headset, then check again.',
  'appearance-voice-silent':
    'Your voice wasn’t heard. Unmute the headset or pick another microphone, and read the sentence aloud.',
  'appearance-voice-quiet': 'Your voice is quiet. Move the microphone closer or raise its input level.',
  'appearance-voice-clipping':
    'Your voice is too loud and distorts. Move the microphone away from your mouth or lower its input level.',
  'appearance-voice-drowned':
    'The room drowns your voice (only {snrDb} dB above its noise). Move somewhere quieter or use a headset microphone.',
  'appearance-voice-noisy':
    'The customer will hear the room behind you ({snrDb} dB between voice and noise). A headset microphone or a quieter place helps.',
  'appearance-room-noisy':
    'The room is noisy between your words. Close the door, turn off fans, or use a headset microphone.',
  'appearance-echo-headset': 'You use headphones or a headset: the customer won’t hear an echo.',
  'appearance-echo-speakers':
    'Sound comes out of speakers, which your microphone picks up: the customer may hear an echo. Use headphones or a headset.',
  'appearance-echo-unknown': 'If sound comes out of speakers, use headphones or a headset to avoid echo.',

  problemConfig: 'The panel couldn’t load its settings.',
  problemSignedOut: 'Your Flex session has expired. Reload Flex to sign in again.',
  problemNotYourTask: 'This task is not assigned to you any more.',
  problemNoTask: 'This task no longer exists.',
  problemNotChat: 'Video calls can only be started from chat tasks.',
  problemRecordingDisabled: 'Your company’s recording policy doesn’t allow this.',
  problemTranscriptionDisabled: 'Your company’s transcription policy doesn’t allow this.',
  problemTranscriptionUnavailable:
    'Twilio couldn’t transcribe this call: live transcription may not be offered in your account’s region, or Twilio is busy. The call goes on without it; you can try again later.',
  problemNoRoom: 'This task’s video call has already ended.',
  problemBusy: 'The video service is busy. Try again in {seconds} seconds.',
  problemOffline: 'The video service can’t be reached. Check your connection and try again.',
  problemConnect: 'The video call couldn’t connect. Check your connection and try again.',
  problemUnsupported:
    'This browser can’t make video calls. Use an up-to-date Chrome, Edge, Firefox or Safari.',
  problemService: 'Something went wrong in the video service. Try again in a moment.',
  problemNotReady:
    'Your company requires passing equipment and appearance checks before video calls. Run both checks below, then start the call.',
  problemRateLimited: 'You have started too many of these. Try again in {seconds} seconds.',

  readinessRequired:
    'Your company requires passing equipment and appearance checks (no problems) before video calls. Run both checks below to start.',
  readinessSuggested: 'Run the check before your first video call of the day.',
  readinessPassed: 'Check passed: you are ready for video calls.',
  policyTitle: 'Your company’s video policy',
  policyAcknowledge: 'I have read the video policy and my dress, place and background follow it.',
  policyNeeded: 'Tick the video policy above, then check again.',
  practiceCall: 'Practice call',
  practiceIntro: 'Rehearse with a trainer or a colleague who plays the customer: no real customer, no chat.',
  practiceTitle: 'Practice call',
  practiceLinkLabel: 'Link for your trainer (they play the customer)',
  practiceCopy: 'Copy link',
  practiceCopied: 'The practice link was copied.',
  practiceReady: 'Practice call started. Send the link to your trainer.',
  practiceEnds: 'It ends on its own after 30 minutes.',
  practiceEndedTitle: 'The practice call has ended',
  practiceEndedBody: 'Nothing of it reached the customer or the chat.',

  snapshotHeading: 'Pictures',
  takePicture: 'Take picture',
  snapshotAskNote: 'The customer is asked to allow each picture.',
  snapshotOnNote: 'Pictures are taken without asking; the customer sees each one happen.',
  snapshotSending: 'Sending the request to the customer’s page…',
  snapshotAwaitingAllow: 'Waiting for the customer to allow the picture…',
  snapshotTaking: 'The customer’s page is taking the picture…',
  snapshotNotReceived: 'The request didn’t reach the customer’s page. Try again.',
  snapshotPosted: 'Picture added to the chat ({width} × {height} pixels, {kilobytes} kB).',
  snapshotDeclined: 'The customer declined the picture.',
  snapshotFailed: 'The picture couldn’t be taken or sent. Try again.',
  snapshotNoAnswer: 'The customer’s page didn’t answer. Try again.',
  snapshotNotConnected: 'The customer’s page isn’t connected to the picture feature yet.',
  snapshotRateLimited: 'Too many pictures at once. Try again in a minute.',
  askBackCamera: 'Show me with your back camera',
  backCameraAsked: 'Asked the customer to switch to their back camera.',
  backCameraAccepted: 'The customer switched to their back camera.',
  backCameraDeclined: 'The customer chose not to switch camera.',
  customerCamera: 'Customer’s camera: {facing}',
  facingUser: 'front',
  facingEnvironment: 'back',
  facingUnknown: 'not known',
  pointHint: 'Click or drag on the customer’s video to point at something.',
  audioOnly: 'Audio only',
  videoBackOn: 'Video on',
  customerAudioOnly: 'The customer switched to audio only.',
  customerAudioOnlyNetwork: 'The customer’s network is too weak for video: audio only.',
  notNow: 'Not now',
  audioOnlyOffer: 'Your connection is weak. Switch to audio only?',
  audioOnlyTaken: 'Your connection is too weak for video, so the customer hears you without seeing you.',
  videoOffer: 'Your connection is better again. Turn your video back on?',
};

export type AgentStrings = typeof agentEn;

/** Languages the panel has a full translation for (typed as AgentStrings, so none can be missed). */
const agentCatalogs: Readonly<Record<string, AgentStrings>> = { en: agentEn };

export function agentStringsFor(preferred: readonly string[]): { lang: string; text: AgentStrings } {
  const lang = pickLanguage(preferred, Object.keys(agentCatalogs));
  return { lang, text: agentCatalogs[lang] ?? agentEn };
}
