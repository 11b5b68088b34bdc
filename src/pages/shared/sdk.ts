/** The part of the twilio-video 2.x API the pages use. The SDK is a separate script (global
 * `Twilio.Video`), one per page, loaded in the background by `videoSdkLoader`, so the page bundle
 * only describes it here instead of importing it. sdk-types.check.ts checks it against the SDK's own declarations. */
import type {
  LocalAudioTrack as SdkLocalAudioTrack,
  LocalDataTrack as SdkLocalDataTrack,
  LocalVideoTrack as SdkLocalVideoTrack,
} from 'twilio-video';
import { keptUntilFailure, loadScriptGlobal } from './script';

type Listener<Args extends unknown[]> = (...args: Args) => void;

export interface TwilioError extends Error {
  code: number;
}

/** The SDK's wrappers of the page's own MediaStreamTracks (see media.ts): the SDK makes them and
 * takes them back, so they are its own types (type-only: nothing of the SDK is bundled). */
export type LocalAudioTrack = SdkLocalAudioTrack;
export type LocalVideoTrack = SdkLocalVideoTrack;
export type LocalTrack = LocalAudioTrack | LocalVideoTrack;
/** The pages' one data track (assist-channel.ts): made by the SDK, published after connect. */
export type LocalDataTrack = SdkLocalDataTrack;

/** The name the agent panel gives its screen share, so the customer's page can feature it. */
export const SCREEN_TRACK_NAME = 'screen';

/** A remote audio or video track: played through an element. */
export interface RemoteMediaTrack {
  readonly kind: 'audio' | 'video';
  readonly sid: string;
  /** The publisher's name for the track: SCREEN_TRACK_NAME for the agent's screen share. */
  readonly name: string;
  /** Without an element the SDK creates one (an <audio> for audio tracks). */
  attach(element?: HTMLMediaElement): HTMLMediaElement;
  detach(): HTMLMediaElement[];
}

/** A remote data track: no element to play it in (`kind` is checked before attaching). The
 * pages read only the other page's `assist` track (assist-channel.ts). */
export interface RemoteDataTrack {
  readonly kind: 'data';
  readonly sid: string;
  readonly name: string;
  on(event: 'message', listener: Listener<[data: string | ArrayBuffer]>): this;
}

export type RemoteTrack = RemoteMediaTrack | RemoteDataTrack;

export interface RemoteTrackPublication {
  readonly kind: 'audio' | 'video' | 'data';
  readonly trackName: string;
  /** False while the publisher has the track disabled (muted); the SDK's trackDisabled/trackEnabled. */
  readonly isTrackEnabled: boolean;
  readonly track: RemoteTrack | null;
}

export interface RemoteParticipant {
  readonly identity: string;
  readonly sid: string;
  readonly tracks: Map<string, RemoteTrackPublication>;
  /** Only measured when connect() asked for remote network quality (`networkQuality.remote`). */
  readonly networkQualityLevel: number | null;
  on(event: 'networkQualityLevelChanged', listener: Listener<[level: number]>): this;
}

/** A track the SDK did not create (a screen capture) is published from its MediaStreamTrack;
 * the name tells it apart from the camera on the other side. */
export interface PublishOptions {
  name?: string;
}

export interface LocalParticipant {
  readonly identity: string;
  readonly sid: string;
  readonly networkQualityLevel: number | null;
  publishTrack(
    track: LocalTrack | LocalDataTrack | MediaStreamTrack,
    options?: PublishOptions,
  ): Promise<unknown>;
  unpublishTrack(track: LocalTrack | LocalDataTrack | MediaStreamTrack): unknown;
  on(event: 'networkQualityLevelChanged', listener: Listener<[level: number]>): this;
}

export interface Room {
  readonly sid: string;
  readonly name: string;
  readonly isRecording: boolean;
  readonly localParticipant: LocalParticipant;
  readonly participants: Map<string, RemoteParticipant>;
  disconnect(): this;
  on(
    event: 'participantConnected' | 'participantDisconnected',
    listener: Listener<[participant: RemoteParticipant]>,
  ): this;
  on(
    event: 'trackSubscribed' | 'trackUnsubscribed',
    listener: Listener<
      [track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant]
    >,
  ): this;
  on(
    event: 'trackPublished' | 'trackUnpublished' | 'trackDisabled' | 'trackEnabled',
    listener: Listener<[publication: RemoteTrackPublication, participant: RemoteParticipant]>,
  ): this;
  on(event: 'reconnecting', listener: Listener<[error: TwilioError]>): this;
  on(event: 'reconnected' | 'recordingStarted' | 'recordingStopped', listener: Listener<[]>): this;
  on(event: 'disconnected', listener: Listener<[room: Room, error?: TwilioError]>): this;
  /** Only on a connect with `receiveTranscriptions: true`, while the room is transcribed. */
  on(event: 'transcription', listener: Listener<[event: TranscriptionEvent]>): this;
}

/** The fields of the SDK's TranscriptionEvent the pages read: `participant` is the speaker's SID. */
export interface TranscriptionEvent {
  readonly transcription: string;
  readonly partial_results: boolean;
  readonly participant: string;
  readonly sequence_number: number;
  readonly timestamp: string;
}

export type NetworkQualityVerbosity = 0 | 1 | 2 | 3;

export interface ConnectOptions {
  name: string;
  /** The camera and microphone, and the pages' assist data track (in the first offer, so adding
   * it needs no renegotiation of a connection still being set up). */
  tracks: (LocalTrack | LocalDataTrack)[];
  /** Verbosity 0 (off) to 3; the agent panel asks for remote levels too, to show the customer's. */
  networkQuality: { local: NetworkQualityVerbosity; remote: NetworkQualityVerbosity };
  /** The room's `transcription` events; asked for only where the company allows transcription. */
  receiveTranscriptions?: boolean;
}

/** Constructors that wrap a MediaStreamTrack the page acquired itself. Tracks made this way
 * cannot be `restart`ed: media.ts acquires a new one instead. */
export interface LocalTrackClasses {
  LocalAudioTrack: new (mediaStreamTrack: MediaStreamTrack) => LocalAudioTrack;
  LocalVideoTrack: new (mediaStreamTrack: MediaStreamTrack) => LocalVideoTrack;
}

/** The figures of Twilio's preflight report the equipment check reads: rtt in milliseconds,
 * jitter in seconds (the audio inbound-rtp jitter), packet loss in percent. */
export interface PreflightReport {
  networkTiming: { connect?: { duration?: number } };
  stats: { rtt: PreflightStat | null; jitter: PreflightStat | null; packetLoss: PreflightStat | null };
}
interface PreflightStat {
  average: number;
}

export interface PreflightTest {
  on(event: 'progress', listener: Listener<[progress: string]>): this;
  on(event: 'completed', listener: Listener<[report: PreflightReport]>): this;
  on(event: 'failed', listener: Listener<[error: Error]>): this;
  stop(): void;
}

export interface VideoSdk extends LocalTrackClasses {
  readonly isSupported: boolean;
  LocalDataTrack: new (options: { name: string }) => LocalDataTrack;
  connect(token: string, options: ConnectOptions): Promise<Room>;
}

/** The panel's SDK: also the preflight test, which the equipment check's network probe runs. */
export interface VideoSdkWithPreflight extends VideoSdk {
  /** `duration`: how long media flows, in milliseconds (Twilio's default is 10 s). */
  runPreflight(token: string, options: { duration: number }): PreflightTest;
}

/** Each page's SDK file, served by this service (see the CSP) and built by scripts/build.mjs from
 * the pinned package's sources: the join page's without the preflight test (its size budget). */
const SDK_FILES = { join: '/join/twilio-video.min.js', agent: '/agent/twilio-video.min.js' } as const;
interface SdkOfPage {
  join: VideoSdk;
  agent: VideoSdkWithPreflight;
}

/** The `<meta>` through which the local development server (dev/sandbox, never deployed) points
 * the SDK's signalling at its local Video edge. Deployed pages do not carry it, and nothing a
 * link holds can add it; even then it names only a path on the page's own origin. */
export const VIDEO_EDGE_META = 'twilio-video-edge';

/** The connect and preflight options that send the SDK's signalling to the local edge named by
 * the page's VIDEO_EDGE_META (no Twilio insights, no ICE-server round: media goes page to page);
 * null on a page without it, which talks to Twilio. */
export function localEdgeOptions(): { wsServer: string; insights: false; iceServers: [] } | null {
  const path = document.querySelector<HTMLMetaElement>(`meta[name="${VIDEO_EDGE_META}"]`)?.content ?? '';
  if (!/^\/[\w/-]*$/.test(path)) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { wsServer: `${scheme}//${location.host}${path}`, insights: false, iceServers: [] };
}

/** The SDK as the page uses it: pointed at the local edge when the page was served with one. */
function withLocalEdge<Sdk extends VideoSdk>(sdk: Sdk): Sdk {
  const edge = localEdgeOptions();
  if (!edge) return sdk;
  // The SDK's wsServer option is not in its declarations (tsdef): the spread carries it.
  const pointed: Partial<VideoSdkWithPreflight> = {
    connect: (token, options) => sdk.connect(token, { ...options, ...edge }),
  };
  if (hasPreflight(sdk))
    pointed.runPreflight = (token, options) => sdk.runPreflight(token, { ...options, ...edge });
  return Object.assign(Object.create(sdk) as Sdk, pointed);
}

const hasPreflight = (sdk: VideoSdk): sdk is VideoSdkWithPreflight => 'runPreflight' in sdk;

export interface VideoSdkLoader<Sdk> {
  /** Starts the SDK's download without running it: its start-up holds the main thread for a
   * while, so it runs later (`load`) from the browser's cache. Started from the page's script
   * rather than its HTML, so it does not compete with the page's own files. */
  preload: () => void;
  /** Adds the SDK's script once and resolves with the SDK when it has run. A failed download is
   * tried again by the next call, so a customer whose network blinked can still join. */
  load: () => Promise<Sdk>;
}

export function videoSdkLoader<Page extends keyof SdkOfPage>(page: Page): VideoSdkLoader<SdkOfPage[Page]> {
  const src = SDK_FILES[page];
  let preloaded = false;
  return {
    preload() {
      if (preloaded) return;
      preloaded = true;
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'script';
      link.href = src;
      document.head.append(link);
    },
    load: keptUntilFailure(() =>
      loadScriptGlobal(src, () => (window as { Twilio?: { Video?: SdkOfPage[Page] } }).Twilio?.Video).then(
        withLocalEdge,
      ),
    ),
  };
}
