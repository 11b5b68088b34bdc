/** What the preview says about the camera and microphone, decided from what went wrong. Pure, so
 * each combination is unit-tested. */
import { permissionHelpKey, type BrowserFamily } from '../shared/browser';
import type { MediaProblems } from '../shared/media';
import type { StringKey } from '../shared/strings';

const PROBLEM_TEXT = {
  'not-found': { audio: 'notFoundMicrophone', video: 'notFoundCamera' },
  'in-use': { audio: 'inUseMicrophone', video: 'inUseCamera' },
  denied: { audio: 'deniedMicrophone', video: 'deniedCamera' },
  // Only a camera is ever filtered, and on this page only by the customer's own "Blur my
  // background"; the microphone entry keeps the table total.
  background: { audio: 'mediaFailed', video: 'blurFailed' },
} as const satisfies Record<string, Record<'audio' | 'video', StringKey>>;

/** The sentences to show, and the browser's own steps when a permission was refused. */
export function problemKeys(problems: MediaProblems, family: BrowserFamily): StringKey[] {
  const audio = problems.audio;
  const video = problems.video;
  if (audio === 'failed' || video === 'failed') return ['mediaFailed'];
  if (audio === 'denied' && video === 'denied') return ['deniedBoth', permissionHelpKey(family)];
  const keys: StringKey[] = [];
  if (video) keys.push(PROBLEM_TEXT[video].video);
  if (audio) keys.push(PROBLEM_TEXT[audio].audio);
  if (audio === 'denied' || video === 'denied') keys.push(permissionHelpKey(family));
  return keys;
}

/** The Join button says plainly what the customer will join with. */
export function joinLabelKey(problems: MediaProblems): StringKey {
  if (problems.audio && problems.video) return 'joinWithoutMedia';
  if (problems.video) return 'joinAudioOnly';
  if (problems.audio) return 'joinVideoOnly';
  return 'join';
}
