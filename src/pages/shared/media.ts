/** Owns the customer's camera and microphone tracks for the life of the page: acquiring them,
 * mute, camera on/off, device switching (the customer's choice, or the system's new default
 * microphone), pausing the camera while a phone hides the page, and stopping everything. Nothing
 * else creates or stops a local track. What a room publishes follows these tracks through
 * published-tracks.ts.
 *
 * Tracks come straight from getUserMedia, so the preview never waits for the SDK to download.
 * At Join the same MediaStreamTracks are wrapped in the SDK's LocalTracks (`sdkTracks`); from then
 * on every new track is wrapped too, and mute goes through the wrapper so the agent's side is told. */
import type { CameraFilter, FilteredCamera } from './background';
import { mediaProblem, type MediaProblem } from './browser';
import { keepPublished, SdkTrackWrappers, type PublishedTrackListener } from './published-tracks';
import type { LocalParticipant, LocalTrack, LocalTrackClasses } from './sdk';

export interface MediaProblems {
  audio: MediaProblem | null;
  video: MediaProblem | null;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

export type MediaDevicesLike = Pick<
  MediaDevices,
  'getUserMedia' | 'enumerateDevices' | 'addEventListener' | 'removeEventListener'
>;

export interface MediaOptions {
  /** Re-open the microphone on the system's new default device (see followDefaultMicrophone).
   * Off on iOS, which moves a running track to the new device itself, as the SDK does. */
  followDefaultMicrophone: boolean;
  /** A background rule: every camera track passes through this filter before anything sees it.
   * Loaded on the first camera opened; if it cannot run, the camera stays off ('background'). */
  cameraFilter?: () => Promise<CameraFilter>;
  /** A camera the filter leaves as it is: the join page's back camera, which shows what the
   * customer points it at rather than them, so a blurred "background" would be all of it. */
  leftUnfiltered?: (camera: MediaStreamTrack) => boolean;
}

type Kind = 'audio' | 'video';

const VIDEO_SIZE = { width: { ideal: 1280 }, height: { ideal: 720 } };
const FILTERED_VIDEO_SIZE = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24 } };

export type DeviceKind = 'camera' | 'microphone' | 'speaker';

export type CameraFacing = 'user' | 'environment';
/** A camera to switch to: the one facing that way (where the browser can tell), or a device. */
export type CameraChoice = { facing: CameraFacing } | { deviceId: string };

export class LocalMedia {
  audio: MediaStreamTrack | null = null;
  video: MediaStreamTrack | null = null;
  problems: MediaProblems = { audio: null, video: null };
  /** The customer's choices, kept across track replacements. */
  micOn = true;
  cameraOn = true;
  speakerId: string | null = null;
  /** The customer's choice of camera and microphone; null: the system's default. */
  private readonly chosenDevice: Record<Kind, string | null> = { audio: null, video: null };
  /** The camera facing asked for (useCamera); null: any. */
  private chosenFacing: CameraFacing | null = null;
  private pausedWhileHidden = false;
  private readonly changeListeners = new Set<() => void>();
  /** From Join on, the SDK's wrapper of each track handed over. */
  private readonly wrappers = new SdkTrackWrappers();
  /** Processed camera tracks and what they came from. */
  private readonly filtered = new Map<MediaStreamTrack, FilteredCamera>();
  private filter: Promise<CameraFilter> | null = null;
  /** The camera is off because its filter failed, not because the customer turned it off. */
  private cameraOffByFilter = false;
  /** The filter in force: the page's rule (options), or the customer's own choice (setCameraFilter). */
  private cameraFilter: (() => Promise<CameraFilter>) | undefined;
  /** Track changes run one at a time, so quick toggling never leaves two cameras open. */
  private queue: Promise<void> = Promise.resolve();
  /** After stop, a change still under way must not leave a camera or microphone running. */
  private stopped = false;
  private readonly onDeviceChange = () => void this.enqueue(() => this.followDefaultMicrophone());

  constructor(
    private readonly devices: MediaDevicesLike,
    private readonly options: MediaOptions,
  ) {
    this.cameraFilter = options.cameraFilter;
  }

  /** Asks for both at once (one permission prompt); if that fails, asks for each alone, so a
   * blocked or missing camera still leaves a working microphone, and the other way round. */
  start(): Promise<MediaProblems> {
    this.stopped = false;
    if (this.options.followDefaultMicrophone)
      this.devices.addEventListener('devicechange', this.onDeviceChange);
    return this.enqueue(async () => {
      this.replace('audio', null);
      this.replace('video', null);
      // Starting again after a filter failed (the page's "Try again") loads it again, with the
      // camera it had turned off.
      if (this.cameraOffByFilter && this.cameraFilter) {
        this.filter = null;
        this.cameraOn = true;
      }
      this.problems = { audio: null, video: null };
      try {
        const stream = await this.devices.getUserMedia({
          audio: this.constraints('audio'),
          video: this.constraints('video'),
        });
        this.replace('audio', stream.getAudioTracks()[0] ?? null);
        this.replace('video', await this.processed(stream.getVideoTracks()[0] ?? null));
      } catch {
        this.replace('audio', await this.acquire('audio'));
        this.replace('video', await this.acquire('video'));
      }
      if (!this.cameraOn) this.replace('video', null);
    }).then(() => this.problems);
  }

  /** The current tracks as the SDK's LocalTracks, for connect(). Wraps each track once, however
   * often it is called, and every track made from now on. */
  sdkTracks(sdk: LocalTrackClasses): LocalTrack[] {
    this.wrappers.use(sdk);
    return this.wrappedTracks();
  }

  /** The current tracks as the SDK's LocalTracks; none before Join. */
  wrappedTracks(): LocalTrack[] {
    return [this.wrappers.wrap(this.audio), this.wrappers.wrap(this.video)].filter(
      (track): track is LocalTrack => track !== null,
    );
  }

  /** Any change a view shows: a track replaced, muted or turned off. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onPublishedTrackChange(listener: PublishedTrackListener): () => void {
    return this.wrappers.onReplaced(listener);
  }

  /** The pages' entry to keepPublished (published-tracks.ts), given `connectedWith` from
   * sdkTracks. Returns the function that stops following. */
  publishTo(
    participant: Pick<LocalParticipant, 'publishTrack' | 'unpublishTrack'>,
    connectedWith: LocalTrack[],
  ): () => void {
    return keepPublished(this, participant, connectedWith);
  }

  setMicOn(on: boolean): void {
    this.micOn = on;
    if (this.audio) {
      // Through the SDK's wrapper once there is one, so the agent's side is told.
      const wrapper = this.wrappers.existing(this.audio);
      if (wrapper) wrapper.enable(on);
      else this.audio.enabled = on;
    }
    this.changed();
  }

  /** Off stops the camera's track, so its light goes off too; on makes a new one. */
  setCameraOn(on: boolean): Promise<void> {
    this.cameraOn = on;
    this.cameraOffByFilter = false;
    return this.enqueue(() => (on ? this.openCamera() : this.replace('video', null)));
  }

  /** Phones stop delivering camera frames to a hidden page, so the camera's track is stopped
   * while it is hidden and made again when it is back (Twilio's advice for mobile browsers). */
  pageHidden(): Promise<void> {
    return this.enqueue(() => {
      if (!this.video) return;
      this.pausedWhileHidden = true;
      this.replace('video', null);
    });
  }

  /** iOS may also end the microphone of a hidden page. Before Join it is opened again here; once
   * handed to the SDK, the SDK's own iOS workaround restarts it inside its LocalAudioTrack. */
  pageShown(): Promise<void> {
    return this.enqueue(async () => {
      if (this.audio?.readyState === 'ended' && !this.wrappers.existing(this.audio))
        this.replace('audio', await this.acquire('audio'));
      if (!this.pausedWhileHidden) return;
      this.pausedWhileHidden = false;
      if (this.cameraOn) await this.openCamera();
    });
  }

  /** The customer's own background choice (the join page's "Blur my background"), made or undone
   * at any time, before or during the call. A running camera is made again through the new
   * filter: the old track is released first, so the unfiltered picture is not shown a moment
   * longer once blur was asked for, and the call republishes the new track. A camera the
   * customer turned off stays off. When the filter failed (problem 'background'), asking again
   * retries it with the camera; undoing it clears the problem but leaves the camera off, for the
   * customer to turn on unfiltered with the camera button (privacy first). */
  setCameraFilter(filter: (() => Promise<CameraFilter>) | undefined): Promise<void> {
    return this.enqueue(async () => {
      if (this.cameraFilter === filter) return;
      this.cameraFilter = filter;
      this.filter = null;
      if (this.problems.video === 'background') this.problems.video = null;
      if (!this.video && !(this.cameraOffByFilter && filter)) return;
      this.replace('video', null);
      this.cameraOn = true;
      await this.openCamera();
    });
  }

  /** What a page's device menu chose: the camera or the microphone is reopened on it (if it is
   * open); a speaker is only remembered, for the views to play remote audio on. */
  selectDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    if (kind === 'speaker') {
      this.speakerId = deviceId;
      return Promise.resolve();
    }
    const trackKind: Kind = kind === 'camera' ? 'video' : 'audio';
    this.chosenDevice[trackKind] = deviceId;
    return this.enqueue(async () => {
      if (!this[trackKind]) return;
      // Released first: many phones cannot open a second camera while one is in use.
      this.replace(trackKind, null);
      if (trackKind === 'video') await this.openCamera();
      else this.replace('audio', await this.acquire('audio'));
    });
  }

  /** Switches to another camera (the join page's switch, the agent's request). Before Join, or
   * with the camera off, the choice waits for the next camera opened. In a call the published
   * track stays (SdkTrackWrappers.carry): the agent's view changes without a gap and the browser
   * asks nothing, as the camera permission is already given. If the camera asked for cannot be
   * opened, the one before is opened again. Resolves whether the choice is in force. */
  useCamera(choice: CameraChoice): Promise<boolean> {
    let inForce = true;
    return this.enqueue(async () => {
      const previous = this.video;
      const previousId = previous ? this.currentDeviceId('video') : undefined;
      this.chosenDevice.video = 'deviceId' in choice ? choice.deviceId : null;
      this.chosenFacing = 'facing' in choice ? choice.facing : null;
      if (!previous) return;
      // Released first: many phones cannot open a second camera while one is in use.
      previous.stop();
      this.filtered.get(previous)?.stop();
      this.filtered.delete(previous);
      let next = await this.acquire('video');
      if (!next && previousId) {
        inForce = false;
        this.chosenDevice.video = previousId;
        this.chosenFacing = null;
        next = await this.acquire('video');
      }
      if (next && !this.stopped && (await this.wrappers.carry(previous, next))) {
        this.video = next;
        return;
      }
      this.replace('video', next);
      if (!next) this.cameraOn = false;
    }).then(() => inForce);
  }

  /** The camera's own track, under any background filter: what reports its facing and carries
   * a torch (camera-track.ts). */
  cameraTrack(): MediaStreamTrack | null {
    return this.video ? (this.filtered.get(this.video)?.raw ?? this.video) : null;
  }

  /** Device labels are only filled in once a permission was granted, hence listed after start. */
  async listDevices(): Promise<DeviceLists> {
    const devices = await this.devices.enumerateDevices().catch(() => []);
    const ofKind = (kind: MediaDeviceKind) =>
      devices.filter((device) => device.kind === kind && device.deviceId !== '');
    return {
      cameras: ofKind('videoinput'),
      microphones: ofKind('audioinput'),
      speakers: ofKind('audiooutput'),
    };
  }

  currentDeviceId(kind: Kind): string | undefined {
    const track = kind === 'video' ? this.cameraTrack() : this.audio;
    return track?.getSettings().deviceId;
  }

  /** Releases everything, also what a change under way is still opening. */
  stop(): void {
    this.stopped = true;
    this.devices.removeEventListener('devicechange', this.onDeviceChange);
    this.replace('audio', null);
    this.replace('video', null);
    this.changed();
  }

  private async openCamera(): Promise<void> {
    if (this.video) return;
    const track = await this.acquire('video');
    this.replace('video', track);
    if (!track) this.cameraOn = false;
  }

  /** One track of one kind, or null with the reason noted in `problems`. */
  private async acquire(kind: Kind): Promise<MediaStreamTrack | null> {
    let track: MediaStreamTrack | null;
    try {
      const stream = await this.devices.getUserMedia({ [kind]: this.constraints(kind) });
      this.problems[kind] = null;
      track = stream.getTracks()[0] ?? null;
    } catch (error) {
      this.problems[kind] = mediaProblem(error);
      return null;
    }
    return kind === 'video' ? this.processed(track) : track;
  }

  /** Under a background rule, the camera as the rule makes it, or none at all: the raw camera
   * is stopped rather than shown when the rule cannot be applied. */
  private async processed(raw: MediaStreamTrack | null): Promise<MediaStreamTrack | null> {
    const cameraFilter = this.cameraFilter;
    if (!raw || !cameraFilter || this.options.leftUnfiltered?.(raw)) return raw;
    try {
      this.filter ??= cameraFilter();
      const camera = await (await this.filter).apply(raw);
      this.filtered.set(camera.track, camera);
      this.cameraOffByFilter = false;
      return camera.track;
    } catch {
      raw.stop();
      this.problems.video = 'background';
      this.cameraOn = false;
      this.cameraOffByFilter = true;
      return null;
    }
  }

  /** A microphone opened on the system's default keeps recording from that device when the
   * default changes (a headset plugged in). The SDK re-opens its own tracks on the new default;
   * the page's tracks do the same here, unless the customer chose a microphone. If the new one
   * cannot be opened, the old one goes on. */
  private async followDefaultMicrophone(): Promise<void> {
    const groupId = this.audio?.getSettings().groupId;
    if (!groupId || this.chosenDevice.audio) return;
    const target = defaultMicrophone(await this.devices.enumerateDevices().catch(() => []));
    if (!target || target.groupId === groupId) return;
    try {
      const stream = await this.devices.getUserMedia({ audio: { deviceId: { exact: target.deviceId } } });
      this.replace('audio', stream.getAudioTracks()[0] ?? null);
    } catch {
      // Still recording from the previous default.
    }
  }

  /** The one place a track is swapped: the published listeners hear it before the old track is
   * stopped, so the call unpublishes a track that is still live. */
  private replace(kind: Kind, next: MediaStreamTrack | null): void {
    if (this.stopped && next) {
      next.stop();
      return;
    }
    const previous = this[kind];
    if (previous === next) return;
    this[kind] = next;
    // Before the SDK wraps it, so a muted microphone is never published live, even briefly.
    if (next && kind === 'audio') next.enabled = this.micOn;
    this.wrappers.replaced(previous, next);
    if (previous) this.release(previous);
  }

  private release(track: MediaStreamTrack): void {
    this.wrappers.release(track);
    this.filtered.get(track)?.stop();
    this.filtered.delete(track);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** Every queued change ends by telling the views, also when it only changed `problems`. */
  private enqueue(change: () => void | Promise<void>): Promise<void> {
    const run = async () => {
      try {
        await change();
      } finally {
        this.changed();
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private constraints(kind: Kind): MediaTrackConstraints | true {
    const deviceId = this.chosenDevice[kind];
    const device = deviceId ? { deviceId: { exact: deviceId } } : null;
    // Segmentation costs grow with the pixels; Twilio advises 640×480 at 24 fps for its processors.
    const facing = this.chosenFacing && !device ? { facingMode: { exact: this.chosenFacing } } : null;
    if (kind === 'video')
      return { ...(this.cameraFilter ? FILTERED_VIDEO_SIZE : VIDEO_SIZE), ...device, ...facing };
    return device ?? true;
  }
}

/** The microphone the system uses by default now. Chrome lists it as "default" with the real
 * device's groupId, and is given the real device's id (a new track on "default" stays on the old
 * device while another track uses it); other browsers list the default first. */
export function defaultMicrophone(devices: MediaDeviceInfo[]): MediaDeviceInfo | undefined {
  const microphones = devices.filter((device) => device.kind === 'audioinput' && device.deviceId !== '');
  const listed = microphones.find((device) => device.deviceId === 'default') ?? microphones[0];
  if (!listed) return undefined;
  return (
    microphones.find((device) => device.deviceId !== 'default' && device.groupId === listed.groupId) ?? listed
  );
}

/** Whether camera and microphone are both allowed already, so a page may open them without a
 * gesture. Firefox and older Safari cannot query these: false, and the page shows its button. */
export async function mediaPermissionGranted(
  permissions: Pick<Permissions, 'query'> = navigator.permissions,
): Promise<boolean> {
  try {
    const names = ['camera', 'microphone'] as PermissionName[];
    const states = await Promise.all(names.map((name) => permissions.query({ name })));
    return states.every((status) => status.state === 'granted');
  } catch {
    return false;
  }
}
