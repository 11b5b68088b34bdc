/**
 * Where a panel iframe goes on the screen. The iframes live in one container appended to
 * document.body, outside Flex's layout, so each is positioned `fixed` over its task's Video tab,
 * measured with getBoundingClientRect (viewport coordinates, what `fixed` uses).
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Above Flex's ordinary content (the iframes come after Flex's root in the DOM), below what
 * Flex's design system (Twilio Paste, as installed with @twilio/flex-ui 2.17.1) lays over it:
 * menus and comboboxes (zIndex20), popovers, modals and side modals (zIndex80), tooltips
 * (zIndex90). So a menu or dialog opened over the task canvas still covers the video.
 */
export const FRAME_Z_INDEX = 10;

/** Layout moves under a pixel are noise (sub-pixel layout, zoom): not worth a re-render. */
const TOLERANCE = 0.5;

export function sameRect(a: Rect, b: Rect): boolean {
  return (
    Math.abs(a.left - b.left) < TOLERANCE &&
    Math.abs(a.top - b.top) < TOLERANCE &&
    Math.abs(a.width - b.width) < TOLERANCE &&
    Math.abs(a.height - b.height) < TOLERANCE
  );
}

/**
 * A measured box as the slot's place on the screen, or null if it is not shown: an element
 * hidden with `display: none` (as Flex hides the tabs that are not selected, and views the agent
 * left) measures 0 × 0.
 */
export function shownRect(box: Rect | null | undefined): Rect | null {
  if (!box || !(box.width > 0) || !(box.height > 0)) return null;
  return { left: box.left, top: box.top, width: box.width, height: box.height };
}

/** The CSS properties of a panel iframe (React style names, pixel numbers). */
export interface FrameStyle {
  position: 'fixed';
  left: number;
  top: number;
  width: number;
  height: number;
  border: number;
  margin: number;
  padding: number;
  zIndex: number;
  visibility: 'visible' | 'hidden';
  pointerEvents: 'auto' | 'none';
}

/**
 * Shown: exactly over the slot. Hidden: `visibility: hidden`, never `display: none` or a
 * removal: the document stays loaded and its call goes on, sound included; it keeps its last size
 * (so the panel's layout does not collapse) and takes no clicks or focus.
 */
export function frameStyle(frame: { shown: boolean; rect: Rect }): FrameStyle {
  const { left, top, width, height } = frame.rect;
  return {
    position: 'fixed',
    left,
    top,
    width,
    height,
    border: 0,
    margin: 0,
    padding: 0,
    zIndex: FRAME_Z_INDEX,
    visibility: frame.shown ? 'visible' : 'hidden',
    pointerEvents: frame.shown ? 'auto' : 'none',
  };
}
