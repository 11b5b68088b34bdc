/** The join page's captions, a script of its own (/join/captions.js): the agent's words, live,
 * under the customer's Captions toggle (shared/view/captions.ts). It defines one global that the
 * call view reads, and brings its own stylesheet and icon (join.html's sprite, loaded by every
 * customer, does not carry it). */
import { AGENT_IDENTITY_PREFIX } from '../../contract';
import { heardFrom } from '../shared/captions';
import { captionsView } from '../shared/view/captions';
import { h } from '../shared/view/dom';
import { CAPTIONS_GLOBAL, CAPTIONS_STYLESHEET, type CaptionsScope } from './captions-script';

const SVG = 'http://www.w3.org/2000/svg';

/** A screen with two lines of text under it: captions. Decorative, as the sprite's icons are. */
function captionsIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute(
    'd',
    'M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM7 12h5M14 12h3M7 15h3M12 15h5',
  );
  svg.append(path);
  return svg;
}

(window as CaptionsScope)[CAPTIONS_GLOBAL] = (place, labels) => {
  document.head.append(h('link', { rel: 'stylesheet', href: CAPTIONS_STYLESHEET }));
  const view = captionsView(labels, (identity) => identity.startsWith(AGENT_IDENTITY_PREFIX));
  // A round button among the call's others, named by its label (and its tooltip).
  view.toggle.classList.add('round');
  view.toggle.setAttribute('aria-label', labels.toggle);
  view.toggle.title = labels.toggle;
  view.toggle.replaceChildren(captionsIcon());
  // First, so that the agent's name tag can move up above it while it shows (captions.css).
  place.stage.prepend(view.box);
  // One more button: the bar's gaps narrow (captions.css) so all fit a 360 px phone.
  place.controls.classList.add('with-captions');
  place.controls.append(view.toggle);
  return {
    show(event, identityOf) {
      const heard = heardFrom(event, identityOf);
      if (heard) view.show(heard);
    },
  };
};
