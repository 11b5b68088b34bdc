/** The appearance check's section (Check how I look and sound, the sentence to read with a live
 * meter, one line per item with its verdict and what to do) and its marks on the agent's own
 * preview: a guide frame where a well-framed face sits, and the box of the face the check found. */
import { fill, type AgentStrings } from '../../shared/strings';
import { h } from '../../shared/view/dom';
import type { AppearanceItem, AppearanceReport, ItemResult } from '../../../panel-protocol';
import { checkResults } from './check-results';
import type { Look } from '../appearance-script';

export interface AppearanceSection {
  element: HTMLElement;
  showLevel: (peak: number) => void;
  showLook: (look: Look) => void;
  showResult: (item: AppearanceItem, result: ItemResult) => void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Where a well-framed face's box sits, in fractions of the frame: centred, a third of the
 * height, eyes near 40 % (appearance-rules.ts's good range). */
const GUIDE = { x: 0.5, y: 0.24, height: 0.34 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** The marks over the preview. Drawn in the frame's own pixels, the overlay is scaled and cropped
 * exactly as the video is (object-fit: cover is preserveAspectRatio slice) and mirrored like it. */
export function appearanceOverlay() {
  const guide = svg('rect', { class: 'appearance-guide', rx: 6 });
  const face = svg('rect', { class: 'appearance-face' });
  const element = svg('svg', {
    class: 'appearance-overlay mirrored',
    preserveAspectRatio: 'xMidYMid slice',
    'aria-hidden': 'true',
  });
  element.append(guide, face);
  element.style.display = 'none';
  const place = (rect: SVGRectElement, box: { x: number; y: number; width: number; height: number }) => {
    for (const [name, value] of Object.entries(box)) rect.setAttribute(name, String(Math.round(value)));
  };
  return {
    element,
    show({ face: found, frame }: Look) {
      element.style.display = '';
      element.setAttribute('viewBox', `0 0 ${frame.width} ${frame.height}`);
      // A face box is about 0.85 as wide as high, in pixels.
      const guideWidth = GUIDE.height * frame.height * 0.85;
      place(guide, {
        x: GUIDE.x * frame.width - guideWidth / 2,
        y: GUIDE.y * frame.height,
        width: guideWidth,
        height: GUIDE.height * frame.height,
      });
      element.dataset.face = found ? 'found' : 'none';
      const box = found?.box ?? { x: 0, y: 0, width: 0, height: 0 };
      place(face, {
        x: box.x * frame.width,
        y: box.y * frame.height,
        width: box.width * frame.width,
        height: box.height * frame.height,
      });
    },
  };
}

export function appearanceSection(
  text: AgentStrings,
  announcer: HTMLElement,
  overlay: ReturnType<typeof appearanceOverlay>,
  run: (section: AppearanceSection) => Promise<AppearanceReport>,
): AppearanceSection {
  const button = h(
    'button',
    { type: 'button', class: 'button', 'data-control': 'appearance' },
    text.appearanceRun,
  );
  const meter = h('meter', { min: '0', max: '1', value: '0', 'aria-label': text.checkMeterLabel });
  const reading = h(
    'p',
    { class: 'appearance-reading', hidden: true },
    meter,
    h('span', {}, fill(text.appearanceRead, { sentence: text.appearanceSentence })),
  );
  const results = checkResults<AppearanceItem>(text, announcer, {
    button,
    itemNames: {
      'appearance-framing': text.appearanceItemFraming,
      'appearance-lighting': text.appearanceItemLighting,
      'appearance-voice': text.appearanceItemVoice,
      'appearance-echo': text.appearanceItemEcho,
    },
    words: { running: text.appearanceRunning, again: text.appearanceAgain, done: text.appearanceDone },
    run: () => run(section),
    onStart: () => (reading.hidden = false),
  });
  const element = h(
    'section',
    { class: 'appearance-check', 'aria-labelledby': 'appearance-title' },
    h('h2', { id: 'appearance-title' }, text.appearanceTitle),
    h('p', {}, text.appearanceIntro),
    button,
    reading,
    results.list,
  );

  const section: AppearanceSection = {
    element,
    showLevel(peak) {
      meter.value = peak;
    },
    showLook: (look) => overlay.show(look),
    showResult(item, result) {
      results.show(item, result);
      if (item === 'appearance-voice') reading.hidden = true;
      if (item === 'appearance-framing') overlay.element.dataset.verdict = result.verdict;
    },
  };
  return section;
}
