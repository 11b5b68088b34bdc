import { elementToFrame, frameToElement, type FramePoint, type FrameView } from './frame-point';

const view = (overrides: Partial<FrameView> = {}): FrameView => ({
  element: { width: 400, height: 300 },
  frame: { width: 1280, height: 720 },
  fit: 'contain',
  mirrored: false,
  rotation: 0,
  ...overrides,
});
const near = (point: FramePoint | null, x: number, y: number) => {
  expect(point).not.toBeNull();
  expect(point!.x).toBeCloseTo(x, 6);
  expect(point!.y).toBeCloseTo(y, 6);
};

test('contain: a 16:9 frame in a 4:3 box has bars above and below; a click on a bar is no point', () => {
  // Drawn 400×225 at top 37.5.
  near(elementToFrame({ x: 100, y: 37.5 + 225 / 4 }, view()), 0.25, 0.25);
  near(frameToElement({ x: 0.25, y: 0.25 }, view()), 100, 37.5 + 56.25);
  expect(elementToFrame({ x: 200, y: 10 }, view())).toBeNull();
});

test('cover: the same frame fills the box, its sides cropped; a point cropped away is not shown', () => {
  // Drawn 533.33×300 at left -66.67.
  const cover = view({ fit: 'cover' });
  near(elementToFrame({ x: 0, y: 150 }, cover), 66.666667 / 533.333333, 0.5);
  near(frameToElement({ x: 0.5, y: 0.5 }, cover), 200, 150);
  expect(frameToElement({ x: 0.05, y: 0.5 }, cover)).toBeNull();
});

test('mirrored: the self-view of a front camera shows the frame’s left on the right', () => {
  const mirrored = view({ element: { width: 320, height: 180 }, mirrored: true });
  near(elementToFrame({ x: 80, y: 45 }, mirrored), 0.75, 0.25);
  near(frameToElement({ x: 0.75, y: 0.25 }, mirrored), 80, 45);
});

test('rotation: the frame turned clockwise by 90, 180 and 270 degrees', () => {
  // A landscape frame shown turned in a portrait box: drawn 180×320 in 180×320.
  const box = { width: 180, height: 320 };
  // The frame's top left corner shows at the top right after a quarter turn clockwise.
  near(frameToElement({ x: 0, y: 0 }, view({ element: box, rotation: 90 })), 180, 0);
  near(frameToElement({ x: 0, y: 0 }, view({ element: box, rotation: 270 })), 0, 320);
  near(
    frameToElement({ x: 0, y: 0 }, view({ element: { width: 320, height: 180 }, rotation: 180 })),
    320,
    180,
  );
  near(elementToFrame({ x: 180, y: 0 }, view({ element: box, rotation: 90 })), 0, 0);
  near(elementToFrame({ x: 45, y: 80 }, view({ element: box, rotation: 270 })), 0.75, 0.25);
});

test('any view: a frame point taken from one element lands on the same frame point in another', () => {
  const agent = view({ element: { width: 640, height: 360 }, fit: 'cover' });
  const customer = view({
    element: { width: 90, height: 160 },
    fit: 'contain',
    mirrored: true,
    rotation: 90,
  });
  for (const [x, y] of [
    [320, 180],
    [600, 20],
    [10, 350],
  ]) {
    const framePoint = elementToFrame({ x, y }, agent)!;
    const shown = frameToElement(framePoint, customer)!;
    near(elementToFrame(shown, customer), framePoint.x, framePoint.y);
    near(frameToElement(framePoint, agent), x, y);
  }
});

test('an element or a video without a size yet gives no point', () => {
  expect(elementToFrame({ x: 1, y: 1 }, view({ frame: { width: 0, height: 0 } }))).toBeNull();
  expect(frameToElement({ x: 0.5, y: 0.5 }, view({ element: { width: 0, height: 0 } }))).toBeNull();
});
