/** Doubles of the browser's media devices and of the Video SDK's LocalTrack classes, for the unit
 * tests of the local media (src/pages/shared/media.ts and published-tracks.ts). */
import type { MediaDevicesLike } from '../../src/pages/shared/media';
import type { LocalTrackClasses } from '../../src/pages/shared/sdk';

export type Kind = 'audio' | 'video';

export class FakeTrack {
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(
    readonly kind: Kind,
    readonly constraints: unknown,
    /** The device a track without a device constraint opens: the system's default then. */
    private readonly settings: { deviceId: string; groupId: string },
  ) {}
  stop() {
    this.readyState = 'ended';
  }
  getSettings() {
    const asked = (this.constraints as { deviceId?: { exact: string } }).deviceId?.exact;
    return asked ? { deviceId: asked, groupId: `group-of-${asked}` } : this.settings;
  }
}

export const device = (kind: MediaDeviceKind, deviceId: string, groupId = `group-of-${deviceId}`) =>
  ({ kind, deviceId, groupId, label: deviceId }) as MediaDeviceInfo;

/** getUserMedia whose outcome per kind is set by each test; it records every request and the
 * state of the other tracks at that moment. The device list and devicechange are the test's. */
export function fakeDevices(outcome: { audio?: string; video?: string } = {}) {
  const made: FakeTrack[] = [];
  const requests: { kinds: string; liveVideoTracks: number; audio?: unknown }[] = [];
  const listeners = new Set<() => void>();
  const state = {
    list: [
      device('audioinput', 'default', 'group-of-built-in'),
      device('audioinput', 'built-in'),
      device('videoinput', 'cam-1'),
      device('audiooutput', 'spk-1'),
    ],
    /** What getUserMedia blocks on, so a test can act while it is under way. */
    gate: Promise.resolve(),
    /** A camera asked for with these constraints is not there (OverconstrainedError). */
    missingCamera: (_constraints: MediaTrackConstraints): boolean => false,
  };
  const devices: MediaDevicesLike = {
    getUserMedia: async (constraints?: MediaStreamConstraints) => {
      const kinds = (['audio', 'video'] as const).filter((kind) => constraints?.[kind]);
      requests.push({
        kinds: kinds.join('+'),
        liveVideoTracks: made.filter((t) => t.kind === 'video' && t.readyState === 'live').length,
        audio: constraints?.audio,
      });
      await state.gate;
      const missing = typeof constraints?.video === 'object' && state.missingCamera(constraints.video);
      const failure = kinds.map((kind) => outcome[kind]).find(Boolean) ?? (missing && 'OverconstrainedError');
      if (failure) throw Object.assign(new Error(failure), { name: failure });
      const defaults = {
        audio: state.list.find((d) => d.deviceId === 'default')!,
        video: state.list.find((d) => d.kind === 'videoinput')!,
      };
      const tracks = kinds.map(
        (kind) =>
          new FakeTrack(kind, constraints?.[kind], {
            deviceId: defaults[kind].deviceId,
            groupId: defaults[kind].groupId,
          }),
      );
      made.push(...tracks);
      return {
        getTracks: () => tracks,
        getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
        getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
      } as unknown as MediaStream;
    },
    enumerateDevices: () => Promise.resolve([...state.list, device('videoinput', '', '')]),
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      void listeners.add(listener as () => void),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      void listeners.delete(listener as () => void),
  };
  const live = (kind: Kind) => made.filter((t) => t.kind === kind && t.readyState === 'live');
  /** The system's default microphone becomes a newly plugged-in headset. */
  const plugInHeadset = () => {
    state.list = [
      device('audioinput', 'default', 'group-of-headset'),
      device('audioinput', 'built-in'),
      device('audioinput', 'headset'),
      ...state.list.slice(2),
    ];
    for (const listener of listeners) listener();
  };
  const deviceChange = () => [...listeners].forEach((listener) => listener());
  return { devices, made, requests, live, state, plugInHeadset, deviceChange, listeners };
}

export const FOLLOW = { followDefaultMicrophone: true };
/** Lets queued changes (devicechange handling) finish. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The SDK's LocalTrack constructors, recording what was wrapped and what the page did with it.
 * `replaceable`: the wrappers have the SDK's replace step (SdkTrackWrappers.carry). */
export function fakeSdk(replaceable = false) {
  const wrapped: FakeWrapper[] = [];
  class FakeWrapper {
    stoppedBySdk = false;
    /** The tracks the SDK's replace step was given. */
    readonly carried: FakeTrack[] = [];
    readonly kind: Kind;
    /** What the SDK reads when it publishes the track. */
    readonly enabledWhenWrapped: boolean;
    constructor(public mediaStreamTrack: FakeTrack) {
      this.kind = mediaStreamTrack.kind;
      this.enabledWhenWrapped = mediaStreamTrack.enabled;
      wrapped.push(this);
      if (replaceable)
        Object.assign(this, {
          _setMediaStreamTrack: (track: FakeTrack) => {
            this.carried.push(track);
            this.mediaStreamTrack = track;
            return Promise.resolve();
          },
        });
    }
    enable(enabled = true) {
      this.mediaStreamTrack.enabled = enabled;
      return this;
    }
    stop() {
      this.stoppedBySdk = true;
      this.mediaStreamTrack.stop();
      return this;
    }
  }
  const classes = {
    LocalAudioTrack: FakeWrapper,
    LocalVideoTrack: FakeWrapper,
  } as unknown as LocalTrackClasses;
  return { classes, wrapped };
}
