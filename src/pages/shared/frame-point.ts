/** Where a point of the customer's camera frame is on an element that shows it, and back: the
 * agent points on the customer's video in the panel, the customer sees the marker on their own
 * preview, and the two show the frame at different sizes, crops, mirroring and rotation. A point
 * travels as fractions (0 to 1) of the frame as the camera captures it, upright as the browser
 * decodes it (its rotation metadata applied), left to right as the camera sees the scene.
 *
 * The element shows the frame rotated clockwise by `rotation` (a page's own CSS turn), then
 * mirrored left to right if `mirrored` (a front camera's self-view), then fitted as CSS
 * object-fit does: `contain` shows all of it with bars, `cover` fills the element and crops. */

/** The marks' stylesheet, shared by both pages (fetched once their call is connected). */
export const POINTER_STYLESHEET = '/shared/pointer.css';

export interface Size {
  width: number;
  height: number;
}

export interface FramePoint {
  x: number;
  y: number;
}

export type Rotation = 0 | 90 | 180 | 270;

export interface FrameView {
  /** The element's box, in CSS pixels. */
  element: Size;
  /** The decoded frame (videoWidth, videoHeight). */
  frame: Size;
  fit: 'contain' | 'cover';
  mirrored: boolean;
  rotation: Rotation;
}

/** Turns a point of the frame as the element shows it, in fractions. */
function rotate(point: FramePoint, rotation: Rotation): FramePoint {
  const x = point.x;
  const y = point.y;
  if (rotation === 90) return { x: 1 - y, y: x };
  if (rotation === 180) return { x: 1 - x, y: 1 - y };
  if (rotation === 270) return { x: y, y: 1 - x };
  return { x, y };
}

const UNDO: Record<Rotation, Rotation> = { 0: 0, 90: 270, 180: 180, 270: 90 };

/** The picture's box inside the element: its size and its offset (negative when cropped). */
function drawn(view: FrameView): { width: number; height: number; left: number; top: number } {
  const turned = view.rotation % 180 === 0;
  const shown = turned ? view.frame : { width: view.frame.height, height: view.frame.width };
  const scales = [view.element.width / shown.width, view.element.height / shown.height];
  const scale = view.fit === 'cover' ? Math.max(...scales) : Math.min(...scales);
  const width = shown.width * scale;
  const height = shown.height * scale;
  return { width, height, left: (view.element.width - width) / 2, top: (view.element.height - height) / 2 };
}

const usable = (view: FrameView) =>
  [view.element.width, view.element.height, view.frame.width, view.frame.height].every((n) => n > 0);

/** The frame point under `point` (CSS pixels from the element's top left corner); null outside
 * the picture (on a bar) or while the element or the video has no size. */
export function elementToFrame(point: FramePoint, view: FrameView): FramePoint | null {
  if (!usable(view)) return null;
  const box = drawn(view);
  let x = (point.x - box.left) / box.width;
  const y = (point.y - box.top) / box.height;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  if (view.mirrored) x = 1 - x;
  return rotate({ x, y }, UNDO[view.rotation]);
}

/** Where the frame point `point` is on the element, in CSS pixels from its top left corner; null
 * where the element does not show it (cropped away by cover) or has no size yet. */
export function frameToElement(point: FramePoint, view: FrameView): FramePoint | null {
  if (!usable(view)) return null;
  const shown = rotate(point, view.rotation);
  const x = view.mirrored ? 1 - shown.x : shown.x;
  const box = drawn(view);
  const at = { x: box.left + x * box.width, y: box.top + shown.y * box.height };
  const inside = at.x >= 0 && at.x <= view.element.width && at.y >= 0 && at.y <= view.element.height;
  return inside ? at : null;
}

/** A video element as FrameView reads it: its box, its decoded size and its object-fit. */
export function videoView(video: HTMLVideoElement, mirrored: boolean, rotation: Rotation = 0): FrameView {
  const box = video.getBoundingClientRect();
  return {
    element: { width: box.width, height: box.height },
    frame: { width: video.videoWidth, height: video.videoHeight },
    fit: getComputedStyle(video).objectFit === 'cover' ? 'cover' : 'contain',
    mirrored,
    rotation,
  };
}
