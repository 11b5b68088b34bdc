/** What the camera's own track (LocalMedia.cameraTrack) tells and does beyond the call's media:
 * which way it faces and its torch. Here rather than in LocalMedia, which the agent's panel shares;
 * the join page's own script reads the facing too (a back camera is left unblurred). */
import type { CameraFacing } from '../shared/media';

/** Which way the camera faces, as the browser reports it; null where it does not say (desktop
 * cameras, Chromium's fake devices). */
export function reportedFacing(camera: MediaStreamTrack | null): CameraFacing | null {
  const facing = camera?.getSettings().facingMode;
  return facing === 'user' || facing === 'environment' ? facing : null;
}

/** Whether the camera has a torch the page can switch (phones' back cameras, in Chrome). */
export function hasTorch(camera: MediaStreamTrack | null): boolean {
  const capabilities = camera?.getCapabilities?.() as { torch?: unknown } | undefined;
  return capabilities?.torch !== undefined;
}

/** Resolves whether the torch is now as asked. */
export async function setTorch(camera: MediaStreamTrack | null, on: boolean): Promise<boolean> {
  if (!camera || !hasTorch(camera)) return false;
  try {
    await camera.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    return true;
  } catch {
    return false;
  }
}
