import { nearestCorner } from './self-view-drag';

const stage = { x: 10, y: 20, width: 400, height: 800 };

test.each([
  [{ x: 50, y: 60 }, 'ltr', 'top-start'],
  [{ x: 380, y: 60 }, 'ltr', 'top-end'],
  [{ x: 50, y: 700 }, 'ltr', 'bottom-start'],
  [{ x: 380, y: 700 }, 'ltr', 'bottom-end'],
  [{ x: 50, y: 60 }, 'rtl', 'top-end'],
  [{ x: 380, y: 700 }, 'rtl', 'bottom-start'],
] as const)('a tile let go at %o in a %s page settles in the %s corner', (center, direction, corner) => {
  expect(nearestCorner(center, stage, direction)).toBe(corner);
});

test("the halves are the stage's own, not the window's", () => {
  // Left of the stage's middle (210) though right of the window's origin-based middle (200).
  expect(nearestCorner({ x: 205, y: 419 }, stage, 'ltr')).toBe('top-start');
  expect(nearestCorner({ x: 211, y: 421 }, stage, 'ltr')).toBe('bottom-end');
});
