/** The join page's captions, a script of its own (/join/captions.js): the agent's words, live,
 * under the customer's Captions toggle (shared/view/captions.ts). It defines one global that the
 * call view reads, and brings its own stylesheet. */
import { AGENT_IDENTITY_PREFIX } from '../../contract';
import { heardFrom } from '../shared/captions';
import { captionsView } from '../shared/view/captions';
import { h } from '../shared/view/dom';
import { CAPTIONS_GLOBAL, CAPTIONS_STYLESHEET, type CaptionsScope } from './captions-script';

(window as CaptionsScope)[CAPTIONS_GLOBAL] = (place, labels) => {
  document.head.append(h('link', { rel: 'stylesheet', href: CAPTIONS_STYLESHEET }));
  const view = captionsView(labels, (identity) => identity.startsWith(AGENT_IDENTITY_PREFIX));
  place.stage.append(view.box);
  place.controls.append(view.toggle);
  return {
    show(event, identityOf) {
      const heard = heardFrom(event, identityOf);
      if (heard) view.show(heard);
    },
  };
};
