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

/** Lets `tile` be dragged within `stage`; `settle` gets the corner it is let go in. The move and
 * the release are followed on the window, not through pointer capture, which a browser emulating
 * touch may refuse for a mouse. */
export function dragToCorners(
  tile: HTMLElement,
  stage: () => HTMLElement,
  settle: (corner: Corner) => void,
): void {
  tile.addEventListener('pointerdown', (down) => {
    if (down.button !== 0 || (down.target as Element).closest('button')) return;
    let dragging = false;
    const move = (event: PointerEvent) => {
      const dx = event.clientX - down.clientX;
      const dy = event.clientY - down.clientY;
      dragging ||= Math.hypot(dx, dy) > DRAG_THRESHOLD_PX;
      if (dragging) tile.style.transform = `translate(${dx}px, ${dy}px)`;
    };
    const release = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      if (!dragging) return;
      const box = tile.getBoundingClientRect();
      const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      tile.style.transform = '';
      const direction = getComputedStyle(tile).direction === 'rtl' ? 'rtl' : 'ltr';
      settle(nearestCorner(center, stage().getBoundingClientRect(), direction));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  });
}
