import { browserFamily, mediaProblem, supportProblem } from './browser';

test('support before the SDK loads: a secure page with getUserMedia and RTCPeerConnection', () => {
  expect(supportProblem({ secureContext: true, hasGetUserMedia: true, hasPeerConnection: true })).toBeNull();
  expect(supportProblem({ secureContext: false, hasGetUserMedia: false, hasPeerConnection: false })).toBe(
    'insecure',
  );
  expect(supportProblem({ secureContext: true, hasGetUserMedia: false, hasPeerConnection: true })).toBe(
    'unsupported',
  );
  expect(supportProblem({ secureContext: true, hasGetUserMedia: true, hasPeerConnection: false })).toBe(
    'unsupported',
  );
});

test.each([
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
    5,
    'ios',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    5,
    'ios',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    0,
    'safari',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36',
    5,
    'android',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
    0,
    'edge',
  ],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 0, 'firefox'],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    0,
    'chrome',
  ],
  ['curl/8', 0, 'other'],
])('%s → %s', (userAgent, touchPoints, family) => {
  expect(browserFamily(userAgent, touchPoints)).toBe(family);
});

test('getUserMedia errors are sorted into what the customer can do about them', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  expect(mediaProblem(named('NotAllowedError'))).toBe('denied');
  expect(mediaProblem(new DOMException('x', 'NotAllowedError'))).toBe('denied');
  expect(mediaProblem(named('NotFoundError'))).toBe('not-found');
  expect(mediaProblem(named('OverconstrainedError'))).toBe('not-found');
  expect(mediaProblem(named('NotReadableError'))).toBe('in-use');
  expect(mediaProblem(named('TypeError'))).toBe('failed');
  expect(mediaProblem('nonsense')).toBe('failed');
});
