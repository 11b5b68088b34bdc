/** Owns the customer's camera and microphone tracks for the life of the page: acquiring them,
 * mute, camera on/off, device switching, pausing the camera while a phone hides the page, and
 * stopping everything. Nothing else creates or stops a local track. */
import { mediaProblem, type MediaProblem } from './browser';
import type { LocalAudioTrack, LocalTrack, LocalVideoTrack, VideoSdk } from './sdk';

export interface MediaProblems {
  audio: MediaProblem | null;
  video: MediaProblem | null;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

/** Called whenever the video track is replaced: the camera is turned off by stopping its track
 * (so the camera light goes off too) and on again with a new one. */
type VideoTrackListener = (previous: LocalVideoTrack | null, next: LocalVideoTrack | null) => void;

const VIDEO_SIZE = { width: { ideal: 1280 }, height: { ideal: 720 } };

export class LocalMedia {
  audio: LocalAudioTrack | null = null;
  video: LocalVideoTrack | null = null;
  problems: MediaProblems = { audio: null, video: null };
  /** The customer's choices, kept across track replacements. */
  micOn = true;
  cameraOn = true;
  speakerId: string | null = null;
  private cameraId: string | null = null;
  private microphoneId: string | null = null;
  private pausedWhileHidden = false;
  private readonly videoListeners = new Set<VideoTrackListener>();
  /** Camera changes run one at a time, so quick toggling never leaves two tracks open. */
  private cameraQueue: Promise<void> = Promise.resolve();

  constructor(private readonly sdk: VideoSdk) {}

  /** Asks for both at once (one permission prompt); if that fails, asks for each alone, so a
   * blocked or missing camera still leaves a working microphone, and the other way round. */
  async start(): Promise<MediaProblems> {
    this.stop();
    try {
      const tracks = await this.sdk.createLocalTracks({ audio: this.audioConstraints(), video: this.videoConstraints() });
      this.problems = { audio: null, video: null };
      for (const track of tracks) {
        if (track.kind === 'audio') this.audio = track;
        else this.setVideo(track);
      }
    } catch {
      this.audio = await this.sdk.createLocalAudioTrack(this.audioConstraints()).catch((error: unknown) => {
        this.problems.audio = mediaProblem(error);
        return null;
      });
      this.setVideo(
        await this.sdk.createLocalVideoTrack(this.videoConstraints()).catch((error: unknown) => {
          this.problems.video = mediaProblem(error);
          return null;
        }),
      );
    }
    this.audio?.enable(this.micOn);
    if (!this.cameraOn) this.closeCamera();
    return this.problems;
  }

  tracks(): LocalTrack[] {
    return [this.audio, this.video].filter((track): track is LocalTrack => track !== null);
  }

  onVideoTrackChange(listener: VideoTrackListener): () => void {
    this.videoListeners.add(listener);
    return () => this.videoListeners.delete(listener);
  }

  setMicOn(on: boolean): void {
    this.micOn = on;
    this.audio?.enable(on);
  }

  setCameraOn(on: boolean): Promise<void> {
    this.cameraOn = on;
    return this.queueCamera(() => (on ? this.openCamera() : this.closeCamera()));
  }

  /** Phones stop delivering camera frames to a hidden page, so the track is stopped and made
   * again when the page is back (Twilio's advice for mobile browsers). */
  pauseCamera(): Promise<void> {
    return this.queueCamera(() => {
      if (!this.video) return;
      this.pausedWhileHidden = true;
      this.closeCamera();
    });
  }

  resumeCamera(): Promise<void> {
    return this.queueCamera(async () => {
      if (!this.pausedWhileHidden) return;
      this.pausedWhileHidden = false;
      if (this.cameraOn) await this.openCamera();
    });
  }

  async useCamera(deviceId: string): Promise<void> {
    this.cameraId = deviceId;
    await this.queueCamera(async () => this.video?.restart(this.videoConstraints()));
  }

  async useMicrophone(deviceId: string): Promise<void> {
    this.microphoneId = deviceId;
    await this.audio?.restart(this.audioConstraints());
  }

  /** Device labels are only filled in once a permission was granted, hence listed after start. */
  async listDevices(): Promise<DeviceLists> {
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    const ofKind = (kind: MediaDeviceKind) => devices.filter((device) => device.kind === kind && device.deviceId !== '');
    return { cameras: ofKind('videoinput'), microphones: ofKind('audioinput'), speakers: ofKind('audiooutput') };
  }

  currentDeviceId(kind: 'audio' | 'video'): string | undefined {
    return (kind === 'audio' ? this.audio : this.video)?.mediaStreamTrack.getSettings().deviceId;
  }

  stop(): void {
    this.audio?.stop();
    this.audio = null;
    this.closeCamera();
  }

  private async openCamera(): Promise<void> {
    if (this.video) return;
    try {
      this.setVideo(await this.sdk.createLocalVideoTrack(this.videoConstraints()));
      this.problems.video = null;
    } catch (error) {
      this.problems.video = mediaProblem(error);
      this.cameraOn = false;
    }
  }

  private closeCamera(): void {
    this.video?.stop();
    this.setVideo(null);
  }

  private setVideo(next: LocalVideoTrack | null): void {
    const previous = this.video;
    if (previous === next) return;
    this.video = next;
    for (const listener of this.videoListeners) listener(previous, next);
  }

  private queueCamera(change: () => void | Promise<void>): Promise<void> {
    this.cameraQueue = this.cameraQueue.then(change, change);
    return this.cameraQueue;
  }

  private audioConstraints(): MediaTrackConstraints {
    return this.microphoneId ? { deviceId: { exact: this.microphoneId } } : {};
  }

  private videoConstraints(): MediaTrackConstraints {
    return this.cameraId ? { ...VIDEO_SIZE, deviceId: { exact: this.cameraId } } : { ...VIDEO_SIZE };
  }
}
