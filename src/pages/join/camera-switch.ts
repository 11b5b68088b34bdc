/** Which camera "Switch camera" and the agent's "back camera" request open. Phones report which
 * way a camera faces (getSettings().facingMode); where the browser does not, the label may say
 * (Android's "camera2 0, facing back"), else the cameras are taken in turn. */
import type { CameraChoice, CameraFacing } from '../shared/media';

/** The facing the browser reports, else the one the camera's label names; null if neither. */
export function facingOf(reported: CameraFacing | null, label: string): CameraFacing | null {
  if (reported) return reported;
  if (/\b(back|rear|environment)\b/i.test(label)) return 'environment';
  if (/\b(front|user|face ?time)\b/i.test(label)) return 'user';
  return null;
}

/** The camera after `currentId` in the list, round again to the first. */
export function nextCamera(
  cameras: readonly { deviceId: string }[],
  currentId: string | undefined,
): string | null {
  if (cameras.length < 2) return null;
  const index = cameras.findIndex((camera) => camera.deviceId === currentId);
  return cameras[(index + 1) % cameras.length].deviceId;
}

/** What to ask for to face `wanted`: the facing itself where the camera's facing is known (the
 * browser picks that camera), else the next camera in the list. null: nothing to switch to. */
export function cameraFacingChoice(
  wanted: CameraFacing,
  current: CameraFacing | null,
  cameras: readonly { deviceId: string }[],
  currentId: string | undefined,
): CameraChoice | null {
  if (current === wanted) return null;
  if (current) return { facing: wanted };
  const next = nextCamera(cameras, currentId);
  return next ? { deviceId: next } : null;
}

export const otherFacing = (facing: CameraFacing): CameraFacing =>
  facing === 'user' ? 'environment' : 'user';
