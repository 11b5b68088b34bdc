/** The self-view dragged out of the way with a finger or a mouse: it follows the pointer, then
 * settles in the corner of the stage nearest to where it was let go. The "Move your video" button
 * stays the way round the corners for a keyboard or a switch. */

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export type Corner = 'bottom-end' | 'top-end' | 'top-start' | 'bottom-start';

/** A movement shorter than this is a tap (on the tile's own button, or by a shaky finger), not a
 * drag: about a third of a fingertip. */
const DRAG_THRESHOLD_PX = 8;

/** The corner of `stage` whose quarter holds `center`; start and end follow the writing direction
 * (in a right-to-left page the start is on the right). */
export function nearestCorner(center: Point, stage: Box, direction: 'ltr' | 'rtl'): Corner {
  const vertical = center.y < stage.y + stage.height / 2 ? 'top' : 'bottom';
  const onLeft = center.x < stage.x + stage.width / 2;
  const horizontal = onLeft === (direction === 'ltr') ? 'start' : 'end';
  return `${vertical}-${horizontal}`;
}

/** Lets `tile` be dragged within `stage`; `settle` gets the corner it is let go in. */
export function dragToCorners(
  tile: HTMLElement,
  stage: () => HTMLElement,
  settle: (corner: Corner) => void,
): void {
  let start: Point | null = null;
  let dragging = false;
  tile.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    start = { x: event.clientX, y: event.clientY };
    dragging = false;
    tile.setPointerCapture(event.pointerId);
  });
  tile.addEventListener('pointermove', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    dragging ||= Math.hypot(dx, dy) > DRAG_THRESHOLD_PX;
    if (dragging) tile.style.transform = `translate(${dx}px, ${dy}px)`;
  });
  const release = () => {
    if (!start) return;
    start = null;
    if (!dragging) return;
    const box = tile.getBoundingClientRect();
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const area = stage().getBoundingClientRect();
    tile.style.transform = '';
    settle(nearestCorner(center, area, getComputedStyle(tile).direction === 'rtl' ? 'rtl' : 'ltr'));
  };
  tile.addEventListener('pointerup', release);
  tile.addEventListener('pointercancel', release);
}
