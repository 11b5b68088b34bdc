/** The agent's video panel (/agent.html), embedded by the Flex plugin or opened from it:
 * settings → handshake with the host → the task's call. This file wires the pieces together and
 * keeps the host told of every change. */
import {
  agentApi,
  fetchAgentConfig,
  type AgentApi,
  type AgentCredentials,
  type RecordingPolicy,
} from '../shared/api';
import { mediaPermissionGranted } from '../shared/media';
import { loadVideoSdk } from '../shared/sdk';
import { agentStringsFor } from '../shared/strings';
import { checkMessage, runEquipmentCheck } from './equipment-check';
import { listenMicrophone, playTestSound, sampleCamera } from './equipment-probes';
import { connectToHost, type HostLink, type Session } from './handshake';
import type { StateMessage } from '../../panel-protocol';
import { sameMessage, stateMessage } from './host-state';
import { createMedia, type PanelMedia } from './media';
import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';
import { problem } from './problems';
import { PanelSession } from './session';
import { createPanelView, type PanelActions, type PanelView } from './view/panel';
import { renderMessage } from './view/message';

const strings = agentStringsFor(navigator.languages?.length ? navigator.languages : [navigator.language]);
const text = strings.text;
const root = document.getElementById('app') as HTMLElement;
const announcer = document.getElementById('announcer') as HTMLElement;
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
let api: AgentApi | null = null;
let view: PanelView | null = null;

document.documentElement.lang = strings.lang;
document.title = text.pageTitle;
renderMessage(root, { state: 'loading', busy: true, paragraphs: [text.loading] });
// Leaving the page leaves the call (it goes on for the customer) and frees camera and microphone.
window.addEventListener('pagehide', () => session?.leave());
void boot();

async function boot(): Promise<void> {
  // Its download and start-up run while the settings load and the agent looks at the preview;
  // a failure is met again (and explained) when the call needs it.
  loadVideoSdk().catch(() => undefined);
  const config = await fetchAgentConfig(fetchJson);
  // Without settings there is no host, so no session and no camera: the rule does not matter then.
  const media = createMedia(
    config.ok ? config.value.agentBackground : 'none',
    config.ok ? config.value.agentBackgroundImage : null,
  );
  const policy: RecordingPolicy = config.ok ? config.value.recordingPolicy : 'off';
  view = createPanelView(
    root,
    announcer,
    text,
    media,
    {
      policy,
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
  session = new PanelSession({
    loadSdk: loadVideoSdk,
    api,
    media,
    clock,
    tracks: {
      addTrack: (track, participant) => view?.addTrack(track, participant),
      removeTrack: (track) => view?.removeTrack(track),
    },
    captureScreen: () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }),
    dispatch,
    onAssist: (channel) => view?.useAssist(channel),
  });
  tellHost();
  void session.begin();
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
    startAnother: () => dispatch({ type: 'noRoom' }),
    rejoinHere: () => void session?.begin(),
    // The view follows media.onChange, so these only ask.
    toggleMic: () => media.setMicOn(!media.micOn),
    toggleCamera: () => void media.setCameraOn(!media.cameraOn),
    selectDevice: (kind, deviceId) => void media.selectDevice(kind, deviceId),
    toggleShare: async () => (session ? session.toggleScreenShare() : 'failed'),
    setRecording: (action) => void session?.setRecording(action),
    remove: async (identity) => (session ? session.remove(identity) : problem('service')),
    sendNewLink: async () => (session ? session.sendNewLink() : problem('service')),
    end: async () => (session ? session.end() : problem('service')),
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
            loadVideoSdk().then(
              (sdk) => sdk.runPreflight.bind(sdk),
              () => null,
            ),
          clock,
        },
        onLevel: section.showLevel,
        onResult: section.showResult,
      });
      host?.post(checkMessage(report));
      return report;
    },
  };
}
