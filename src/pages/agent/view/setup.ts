/** Before the call: the agent's own camera as the customer will see it, the microphone and
 * camera toggles and device choices, and Start video call (with the reason if it failed). */
import type { AgentStrings } from '../../shared/strings';
import { h, showScreen } from '../../shared/view/dom';
import { mediaProblemText, problemText } from '../labels';
import type { PanelMedia } from '../media';
import type { AppearanceReport, CheckReport } from '../../../panel-protocol';
import type { PanelState } from '../panel-state';
import { equipmentSection, type EquipmentSection } from './equipment';
import { appearanceOverlay, appearanceSection, type AppearanceSection } from './appearance';
import type { DeviceKind } from '../../shared/media';
import { devicePicker, mediaToggles } from './media-controls';
import { selfVideo } from '../../shared/view/controls';

export interface SetupActions {
  preview: () => Promise<void>;
  start: () => void;
  toggleMic: () => void;
  toggleCamera: () => void;
  selectDevice: (kind: DeviceKind, deviceId: string) => void;
  /** Runs the equipment check, showing its progress in `section`. */
  checkEquipment: (section: EquipmentSection) => Promise<CheckReport>;
  /** Runs the appearance check, showing its progress in `section` and on the preview. */
  checkAppearance: (section: AppearanceSection) => Promise<AppearanceReport>;
  /** Starts a practice call: no task, no chat; a link for a trainer. */
  practice: () => void;
}

export interface SetupScreen {
  update(state: PanelState): void;
  /** As if the agent pressed Preview my camera. */
  startPreview(): void;
  updateMedia(): void;
  dispose(): void;
}

export function renderSetup(
  root: HTMLElement,
  announcer: HTMLElement,
  text: AgentStrings,
  media: PanelMedia,
  canChooseSpeaker: boolean,
  actions: SetupActions,
): SetupScreen {
  const self = selfVideo('preview-video', text.previewLabel);
  const previewButton = h(
    'button',
    { type: 'button', class: 'button', 'data-control': 'preview' },
    text.previewStart,
  );
  const previewPlaceholder = h('div', { class: 'preview-placeholder' }, previewButton);
  const toggles = mediaToggles(text, actions);
  const toolbar = h('div', {
    class: 'toolbar',
    role: 'toolbar',
    'aria-label': text.controlsLabel,
    hidden: true,
  });
  const devices = devicePicker(text, media, canChooseSpeaker, actions.selectDevice);
  const mediaNotes = h('div', { class: 'media-notes' });
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const startButton = h(
    'button',
    { type: 'button', class: 'button primary', 'data-control': 'start', onclick: () => actions.start() },
    text.startCall,
  );
  const readinessNote = h('p', { class: 'readiness-note', 'data-readiness': 'off', hidden: true });
  const practiceButton = h(
    'button',
    { type: 'button', class: 'button', 'data-control': 'practice', onclick: () => actions.practice() },
    text.practiceCall,
  );
  const practice = h(
    'section',
    { class: 'practice-start', 'aria-label': text.practiceCall },
    h('p', {}, text.practiceIntro),
    practiceButton,
  );
  // The check opens camera and microphone as the preview would, so the preview shows them too.
  const check = equipmentSection(text, announcer, (section) =>
    actions.checkEquipment(section).finally(() => (previewDone = true)),
  );
  const overlay = appearanceOverlay();
  const appearance = appearanceSection(text, announcer, overlay, (section) =>
    actions.checkAppearance(section).finally(() => (previewDone = true)),
  );
  let previewing = false;
  let previewDone = false;

  const startPreview = () => {
    if (previewing) return;
    previewing = true;
    previewButton.disabled = true;
    previewButton.textContent = text.previewStarting;
    void actions.preview().then(() => {
      previewDone = true;
      updateMedia();
    });
  };
  previewButton.addEventListener('click', startPreview);

  const screen = h(
    'section',
    { class: 'screen setup', 'data-state': 'ready' },
    h('h1', { tabindex: '-1' }, text.setupTitle),
    h('p', { class: 'intro' }, text.setupIntro),
    h('div', { class: 'preview-stage' }, self.element, overlay.element, previewPlaceholder),
    toolbar,
    devices.panel,
    mediaNotes,
    problem,
    readinessNote,
    startButton,
    check.element,
    appearance.element,
    practice,
  );
  toolbar.append(toggles.mic, toggles.camera, devices.toggle);
  showScreen(root, screen);

  function updateMedia() {
    const started =
      previewDone ||
      media.audio !== null ||
      media.video !== null ||
      media.problems.audio !== null ||
      media.problems.video !== null;
    previewPlaceholder.hidden = started;
    self.element.hidden = !started;
    toolbar.hidden = !started;
    self.show(media.video, text.previewOff);
    toggles.update(media);
    mediaNotes.replaceChildren(...mediaProblemText(media.problems, text).map((words) => h('p', {}, words)));
  }
  updateMedia();

  return {
    update(state) {
      const starting = state.phase === 'starting';
      screen.dataset.state = state.phase;
      const { readiness } = state;
      startButton.disabled = starting || !readiness.startAllowed;
      practiceButton.disabled = starting;
      startButton.textContent = starting ? text.starting : text.startCall;
      const standing = !readiness.startAllowed
        ? 'required'
        : readiness.suggestCheck
          ? 'suggested'
          : readiness.passed
            ? 'passed'
            : 'off';
      const note = {
        required: text.readinessRequired,
        suggested: text.readinessSuggested,
        passed: text.readinessPassed,
        off: '',
      }[standing];
      readinessNote.hidden = !note;
      readinessNote.textContent = note;
      readinessNote.dataset.readiness = standing;
      check.showPolicy(readiness.policyText, readiness.acknowledgementNeeded);
      screen.setAttribute('aria-busy', String(starting));
      problem.hidden = !state.problem;
      problem.textContent = state.problem ? problemText(state.problem, text) : '';
    },
    startPreview,
    updateMedia,
    dispose: devices.dispose,
  };
}
