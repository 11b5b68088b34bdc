/** The Captions toggle and the captions over the stage, for both pages: off until the person
 * turns them on (each side chooses for itself). The box shows at most two lines (captions.ts, and
 * its stylesheet cuts a long result to its last two rows). It is a polite live region to which
 * only final results are added: a partial line is hidden from screen readers, which would
 * otherwise read every growing guess, and its final result replaces it as a new line. */
import { caption, noCaptions, type Captions, type Heard } from '../captions';
import { h } from './dom';

export interface CaptionsLabels {
  toggle: string;
  region: string;
}

export function captionsView(labels: CaptionsLabels, shows: (identity: string) => boolean) {
  const box = h('div', {
    class: 'captions',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': labels.region,
    hidden: true,
  });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'captions-toggle',
      'data-control': 'captions',
      'aria-pressed': 'false',
      onclick: () => setOn(toggle.getAttribute('aria-pressed') !== 'true'),
    },
    labels.toggle,
  );
  let captions: Captions = noCaptions;
  const nodes = new Map<string, HTMLElement>();

  const draw = () => {
    // No destructuring: the join page's build targets Safari 14.0, for which esbuild refuses it.
    nodes.forEach((node, key) => {
      if (captions.lines.some((line) => line.key === key)) return;
      node.remove();
      nodes.delete(key);
    });
    for (const line of captions.lines) {
      const node = nodes.get(line.key);
      if (node && node.dataset.partial === String(line.partial)) {
        node.textContent = line.text;
        continue;
      }
      const fresh = h('p', { class: 'caption-line', 'data-partial': String(line.partial) }, line.text);
      if (line.partial) fresh.setAttribute('aria-hidden', 'true');
      if (node) node.replaceWith(fresh);
      else box.append(fresh);
      nodes.set(line.key, fresh);
    }
  };
  const setOn = (on: boolean) => {
    toggle.setAttribute('aria-pressed', String(on));
    box.hidden = !on;
  };

  return {
    toggle,
    box,
    /** A result heard in the room: shown if it is the other side's. */
    show(heard: Heard) {
      if (!shows(heard.identity)) return;
      const next = caption(captions, heard);
      if (next === captions) return;
      captions = next;
      draw();
    },
  };
}
