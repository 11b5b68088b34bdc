import { FRAME_Z_INDEX, frameStyle, sameRect, shownRect } from './placement';

const RECT = { left: 300, top: 120, width: 640, height: 480 };

describe('shownRect', () => {
  it('is the measured box when it has an area', () => {
    expect(shownRect({ ...RECT, right: 940, bottom: 600 } as typeof RECT)).toEqual(RECT);
  });

  it.each([
    ['display: none (0 × 0)', { left: 0, top: 0, width: 0, height: 0 }],
    ['no width', { ...RECT, width: 0 }],
    ['no height', { ...RECT, height: 0 }],
    ['NaN', { ...RECT, width: Number.NaN }],
  ])('is null for %s', (_name, box) => {
    expect(shownRect(box)).toBeNull();
  });

  it('is null without a box', () => {
    expect(shownRect(null)).toBeNull();
    expect(shownRect(undefined)).toBeNull();
  });
});

describe('sameRect', () => {
  it('ignores sub-pixel moves', () => {
    expect(sameRect(RECT, { ...RECT, left: 300.4, height: 479.6 })).toBe(true);
  });

  it('sees a move or a resize of a pixel', () => {
    expect(sameRect(RECT, { ...RECT, left: 301 })).toBe(false);
    expect(sameRect(RECT, { ...RECT, width: 639 })).toBe(false);
  });
});

describe('frameStyle', () => {
  it('puts a shown panel exactly over its slot, fixed, above the page and taking clicks', () => {
    expect(frameStyle({ shown: true, rect: RECT })).toEqual({
      position: 'fixed',
      ...RECT,
      border: 0,
      margin: 0,
      padding: 0,
      zIndex: FRAME_Z_INDEX,
      visibility: 'visible',
      pointerEvents: 'auto',
    });
  });

  it('hides a panel without unloading it: invisible, no clicks, its last size kept', () => {
    const style = frameStyle({ shown: false, rect: RECT });
    expect(style).toMatchObject({ ...RECT, visibility: 'hidden', pointerEvents: 'none' });
    expect(style).not.toHaveProperty('display');
  });

  it("stays under Flex's menus (Paste zIndex20), popovers and modals (80), tooltips (90)", () => {
    expect(FRAME_Z_INDEX).toBeGreaterThan(0);
    expect(FRAME_Z_INDEX).toBeLessThan(20);
  });
});
