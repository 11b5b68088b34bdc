import { joinLabelKey, problemKeys } from './preview-model';

const none = { audio: null, video: null };

test('what the preview says about each combination of problems', () => {
  expect(problemKeys(none, 'chrome')).toEqual([]);
  expect(problemKeys({ audio: 'denied', video: 'denied' }, 'ios')).toEqual([
    'deniedBoth',
    'permissionHelpIos',
  ]);
  expect(problemKeys({ audio: null, video: 'denied' }, 'firefox')).toEqual([
    'deniedCamera',
    'permissionHelpFirefox',
  ]);
  expect(problemKeys({ audio: 'denied', video: null }, 'android')).toEqual([
    'deniedMicrophone',
    'permissionHelpAndroid',
  ]);
  expect(problemKeys({ audio: null, video: 'not-found' }, 'chrome')).toEqual(['notFoundCamera']);
  expect(problemKeys({ audio: 'in-use', video: 'denied' }, 'edge')).toEqual([
    'deniedCamera',
    'inUseMicrophone',
    'permissionHelpEdge',
  ]);
  expect(problemKeys({ audio: 'failed', video: null }, 'chrome')).toEqual(['mediaFailed']);
  expect(problemKeys({ audio: null, video: 'background' }, 'chrome')).toEqual(['blurFailed']);
});

test('the Join button names what the customer joins with', () => {
  expect(joinLabelKey(none)).toBe('join');
  expect(joinLabelKey({ audio: null, video: 'denied' })).toBe('joinAudioOnly');
  expect(joinLabelKey({ audio: 'not-found', video: null })).toBe('joinVideoOnly');
  expect(joinLabelKey({ audio: 'denied', video: 'in-use' })).toBe('joinWithoutMedia');
});
