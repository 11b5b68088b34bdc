/** The agent's video panel (/agent.html), embedded by the Flex plugin or opened from it:
 * settings → handshake with the host → the task's call. This file wires the pieces together and
 * keeps the host told of every change. */
import {
  agentApi,
  fetchAgentConfig,
  type AgentApi,
  type AgentCredentials,
  type CheckItems,
  type Readiness,
  type ReadinessRule,
  type RecordingPolicy,
  type TranscriptionPolicy,
} from '../shared/api';
import { mediaPermissionGranted } from '../shared/media';
import { videoSdkLoader } from '../shared/sdk';
import { agentStringsFor } from '../shared/strings';
import { runAppearanceCheck } from './appearance-check';
import { grabFrames, outputLabel, recordVoice } from './appearance-probes';
import { loadFaceFinder } from './appearance-script';
import { checkMessage, runEquipmentCheck } from './equipment-check';
import { listenMicrophone, playTestSound, sampleCamera } from './equipment-probes';
import { connectToHost, type HostLink, type Session } from './handshake';
import type { StateMessage } from '../../panel-protocol';
import { sameMessage, stateMessage } from './host-state';
import { createMedia, type PanelMedia } from './media';
import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';
import { problem } from './problems';
import { PRACTICE_TRANSCRIPTION, practiceApi } from './practice';
import { checkItems, readinessGate, type TimedReport } from './readiness';
import { PanelSession, type SessionDeps } from './session';
import { takePicture } from './snapshot';
import type { AssistChannel } from '../shared/assist-channel';
import { createPanelView, type PanelActions, type PanelView } from './view/panel';
import { renderMessage } from './view/message';

const strings = agentStringsFor(navigator.languages?.length ? navigator.languages : [navigator.language]);
const text = strings.text;
const root = document.getElementById('app') as HTMLElement;
const announcer = document.getElementById('announcer') as HTMLElement;
const videoSdk = videoSdkLoader('agent');
const fetchJson = (url: string, init: RequestInit) => fetch(url, init);
const canShareScreen = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
const clock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as number),
};

let state: PanelState = initialPanelState;
let host: HostLink | null = null;
let told: StateMessage | null = null;
let credentials: AgentCredentials | null = null;
let session: PanelSession | null = null;
/** The task's session, kept while a practice call has `session`. */
let taskSession: PanelSession | null = null;
let sessionDeps: SessionDeps | null = null;
let readinessRule: ReadinessRule = { rule: 'off', hours: 12, policyText: null };
let readiness: Readiness | null = null;
/** The latest result of each check: readiness is reported with the items of both. */
const lastChecks: { equipment?: TimedReport; appearance?: TimedReport } = {};
const checkedItems = () =>
  checkItems([lastChecks.equipment, lastChecks.appearance], readinessRule.hours, clock.now());
let api: AgentApi | null = null;
let view: PanelView | null = null;
let transcription: SessionDeps['transcription'] = { policy: 'off', kept: false };
/** The current call's assist channel (issue 21). */
let assist: AssistChannel | null = null;

document.documentElement.lang = strings.lang;
document.title = text.pageTitle;
renderMessage(root, { state: 'loading', busy: true, paragraphs: [text.loading] });
// Leaving the page leaves the call (it goes on for the customer) and frees camera and microphone.
window.addEventListener('pagehide', () => session?.leave());
void boot();

async function boot(): Promise<void> {
  // Its download and start-up run while the settings load and the agent looks at the preview;
  // a failure is met again (and explained) when the call needs it.
  videoSdk.load().catch(() => undefined);
  const config = await fetchAgentConfig(fetchJson);
  // Without settings there is no host, so no session and no camera: the rule does not matter then.
  const media = createMedia(
    config.ok ? config.value.agentBackground : 'none',
    config.ok ? config.value.agentBackgroundImage : null,
  );
  const policy: RecordingPolicy = config.ok ? config.value.recordingPolicy : 'off';
  const transcriptionPolicy: TranscriptionPolicy = config.ok
    ? (config.value.transcriptionPolicy ?? 'off')
    : 'off';
  transcription = {
    policy: transcriptionPolicy,
    kept: config.ok && config.value.transcriptDestination !== 'none',
  };
  if (config.ok) readinessRule = config.value.readiness ?? readinessRule;
  view = createPanelView(
    root,
    announcer,
    text,
    media,
    {
      policy,
      transcriptionPolicy,
      snapshots: (config.ok && config.value.snapshotsPolicy) || 'off',
      canChooseSpeaker: 'setSinkId' in HTMLMediaElement.prototype,
      canShareScreen,
      mediaAllowed: mediaPermissionGranted,
    },
    actionsFor(media),
  );
  media.onChange(() => view?.updateMedia());
  // Without the allowed origins no host can be trusted, so there is no handshake at all.
  if (!config.ok) return dispatch({ type: 'failed', problem: problem('config') });
  host = connectToHost(window, config.value.allowedOrigins, {
    onSession: (accepted) => begin(accepted, media),
    onToken: (token) => {
      if (credentials) credentials = { ...credentials, token };
      // A refused Flex token is what a renewal fixes: try again with the new one.
      if (state.phase === 'failed' && state.problem?.kind === 'signed-out') void session?.begin();
    },
  });
  dispatch(host ? { type: 'waitingForHost' } : { type: 'noHost' });
}

function begin(accepted: Session, media: PanelMedia): void {
  credentials = accepted;
  api = agentApi(fetchJson, () => credentials ?? accepted);
  sessionDeps = {
    loadSdk: videoSdk.load,
    api,
    media,
    clock,
    tracks: {
      addTrack: (track, participant) => view?.addTrack(track, participant),
      removeTrack: (track) => view?.removeTrack(track),
    },
    captureScreen: () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }),
    dispatch,
    transcription,
    heard: (heard) => view?.heard(heard),
    onAssist: (channel) => {
      assist = channel;
      view?.useAssist(channel);
    },
  };
  session = taskSession = new PanelSession(sessionDeps);
  tellHost();
  void session.begin();
  void updateReadiness();
}

/** The agent's readiness from the service (or, with `report`, after keeping the check's result),
 * and what it allows now. Under `require` Start waits for the answer. */
async function updateReadiness(report?: { items: CheckItems; acknowledged: boolean }): Promise<void> {
  if (readinessRule.rule === 'off' || !api) return;
  dispatch({ type: 'readiness', gate: readinessGate(readinessRule, readiness, clock.now()) });
  const result = await api.readiness(report);
  if (result.ok) readiness = result.value;
  dispatch({ type: 'readiness', gate: readinessGate(readinessRule, readiness, clock.now()) });
}

/** A practice call in this panel: its own session over /video/practice; the task's waits. */
function startPractice(): void {
  if (!api || !sessionDeps || state.phase !== 'ready') return;
  const practice = new PanelSession({
    ...sessionDeps,
    transcription: PRACTICE_TRANSCRIPTION,
    api: practiceApi(api, (call) => {
      dispatch({ type: 'practice', joinUrl: call.joinUrl, endsAt: call.endsAt });
      host?.post({
        type: 'video-escalation:practice',
        joinUrl: call.joinUrl,
        endsAt: new Date(call.endsAt).toISOString(),
      });
    }),
  });
  session = practice;
  void practice.start().then((started) => {
    if (started) view?.notify(text.practiceReady);
    // Refused (too many, rate-limited): the setup shows why, and the task's session is back.
    else if (session === practice) session = taskSession;
  });
}

function dispatch(event: PanelEvent): void {
  const previous = state;
  state = reducePanel(state, event);
  if (state === previous) return;
  view?.render(state, previous);
  tellHost();
}

/** Every change, and only a change, once there is a session to report on. */
function tellHost(): void {
  if (!host || !credentials) return;
  const message = stateMessage(state);
  if (sameMessage(told, message)) return;
  told = message;
  host.post(message);
}

function actionsFor(media: PanelMedia): PanelActions {
  return {
    // Settings failed before any session: loading the page again is the whole retry.
    retry: () => (session ? void session.begin() : location.reload()),
    preview: async () => session?.preview(),
    start: () => {
      void session?.start().then((invite) => {
        if (invite) view?.notify(invite === 'pending' ? text.invitePending : text.inviteSent);
      });
    },
    startAnother: () => {
      // After a practice call the task's session opens camera and microphone afresh.
      if (session !== taskSession) taskSession?.leave();
      session = taskSession;
      dispatch({ type: 'noRoom' });
    },
    rejoinHere: () => void session?.begin(),
    // The view follows media.onChange, so these only ask.
    toggleMic: () => media.setMicOn(!media.micOn),
    toggleCamera: () => void media.setCameraOn(!media.cameraOn),
    selectDevice: (kind, deviceId) => void media.selectDevice(kind, deviceId),
    toggleShare: async () => (session ? session.toggleScreenShare() : 'failed'),
    setRecording: (action) => void session?.setRecording(action),
    setTranscription: (action) => void session?.setTranscription(action),
    remove: async (identity) => (session ? session.remove(identity) : problem('service')),
    sendNewLink: async () => (session ? session.sendNewLink() : problem('service')),
    end: async () => (session ? session.end() : problem('service')),
    practice: startPractice,
    takePicture: (onReceived) =>
      api ? takePicture(api, assist, clock, onReceived) : Promise.resolve({ kind: 'not-connected' }),
    checkEquipment: async (section) => {
      const report = await runEquipmentCheck({
        media,
        startMedia: async () => session?.preview(),
        probes: { sampleCamera, listenMicrophone, playTestSound },
        network: {
          token: async () => {
            const result = await api?.preflightToken();
            return result?.ok ? result.value.token : null;
          },
          runPreflight: () =>
            videoSdk.load().then(
              (sdk) => sdk.runPreflight.bind(sdk),
              () => null,
            ),
          clock,
        },
        onLevel: section.showLevel,
        onResult: section.showResult,
      });
      host?.post(checkMessage(report));
      lastChecks.equipment = { items: report, at: clock.now() };
      void updateReadiness({ items: checkedItems(), acknowledged: section.policyAcknowledged() });
      return report;
    },
    checkAppearance: async (section) => {
      const report = await runAppearanceCheck({
        media,
        startMedia: async () => session?.preview(),
        loadFinder: loadFaceFinder,
        probes: { grabFrames, recordVoice, outputLabel },
        onLevel: section.showLevel,
        onLook: section.showLook,
        onResult: section.showResult,
      });
      lastChecks.appearance = { items: report, at: clock.now() };
      // The policy is acknowledged at the equipment check; the service carries an earlier
      // acknowledgement of the same text over within its period.
      void updateReadiness({ items: checkedItems(), acknowledged: false });
      return report;
    },
  };
}
