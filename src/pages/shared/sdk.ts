/** The part of the twilio-video 2.x API the pages use. The SDK is a separate script
 * (/join/twilio-video.min.js, global `Twilio.Video`), so the page bundle only describes it here
 * instead of importing it; tests serve a fake with the same surface. */
type Listener<Args extends unknown[]> = (...args: Args) => void;

export interface TwilioError extends Error {
  code: number;
}

interface LocalMediaTrack<Kind extends 'audio' | 'video'> {
  readonly kind: Kind;
  readonly mediaStreamTrack: MediaStreamTrack;
  readonly isEnabled: boolean;
  enable(enabled?: boolean): this;
  stop(): this;
  attach(element: HTMLMediaElement): HTMLMediaElement;
  detach(element: HTMLMediaElement): HTMLMediaElement;
  restart(constraints?: MediaTrackConstraints): Promise<void>;
}
export type LocalAudioTrack = LocalMediaTrack<'audio'>;
export type LocalVideoTrack = LocalMediaTrack<'video'>;
export type LocalTrack = LocalAudioTrack | LocalVideoTrack;

export interface RemoteTrack {
  readonly kind: 'audio' | 'video' | 'data';
  readonly sid: string;
  /** Without an element the SDK creates one (an <audio> for audio tracks). */
  attach(element?: HTMLMediaElement): HTMLMediaElement;
  detach(): HTMLMediaElement[];
}

export interface RemoteTrackPublication {
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
  publishTrack(track: LocalTrack | MediaStreamTrack, options?: PublishOptions): Promise<unknown>;
  unpublishTrack(track: LocalTrack | MediaStreamTrack): unknown;
  on(event: 'networkQualityLevelChanged', listener: Listener<[level: number]>): this;
}

export interface Room {
  readonly sid: string;
  readonly name: string;
  readonly isRecording: boolean;
  readonly localParticipant: LocalParticipant;
  readonly participants: Map<string, RemoteParticipant>;
  disconnect(): this;
  on(event: 'participantConnected' | 'participantDisconnected', listener: Listener<[participant: RemoteParticipant]>): this;
  on(
    event: 'trackSubscribed' | 'trackUnsubscribed',
    listener: Listener<[track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant]>,
  ): this;
  on(event: 'reconnecting', listener: Listener<[error: TwilioError]>): this;
  on(event: 'reconnected' | 'recordingStarted' | 'recordingStopped', listener: Listener<[]>): this;
  on(event: 'disconnected', listener: Listener<[room: Room, error?: TwilioError]>): this;
}

export interface ConnectOptions {
  name: string;
  tracks: LocalTrack[];
  /** Verbosity 0 (off) to 3; the agent panel asks for remote levels too, to show the customer's. */
  networkQuality: { local: number; remote: number };
}

export interface VideoSdk {
  readonly isSupported: boolean;
  connect(token: string, options: ConnectOptions): Promise<Room>;
  createLocalTracks(options: { audio: boolean | MediaTrackConstraints; video: boolean | MediaTrackConstraints }): Promise<LocalTrack[]>;
  createLocalAudioTrack(options?: MediaTrackConstraints): Promise<LocalAudioTrack>;
  createLocalVideoTrack(options?: MediaTrackConstraints): Promise<LocalVideoTrack>;
}

export function videoSdk(): VideoSdk | undefined {
  return (window as { Twilio?: { Video?: VideoSdk } }).Twilio?.Video;
}
