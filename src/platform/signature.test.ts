import twilio from 'twilio';
import { isSignedByTwilio } from './signature';

const TOKEN = 'auth-token-for-tests';
const URL = 'https://video-1234.twil.io/video/callbacks/room-status';
const PARAMS = {
  RoomSid: `RM${'f'.repeat(32)}`,
  StatusCallbackEvent: 'room-ended',
  RoomName: 'flex-video-x',
};
const sign = (url: string, params: Record<string, string | string[]>, token = TOKEN) =>
  twilio.getExpectedTwilioSignature(token, url, params);

test("Twilio's signature over the registered URL and the parameters is accepted", () => {
  expect(isSignedByTwilio(TOKEN, sign(URL, PARAMS), URL, PARAMS)).toBe(true);
});

test('repeated form fields are signed as Twilio signs them', () => {
  const params = { ...PARAMS, AudioSources: ['b', 'a'] };
  expect(isSignedByTwilio(TOKEN, sign(URL, params), URL, params)).toBe(true);
});

test.each([
  ['no signature', undefined],
  ['an empty signature', ''],
  ['another auth token', sign(URL, PARAMS, 'other-token')],
  ['another URL', sign('https://evil.example/video/callbacks/room-status', PARAMS)],
  ['other parameters', sign(URL, { ...PARAMS, RoomName: 'other' })],
])('refused: %s', (_name, signature) => {
  expect(isSignedByTwilio(TOKEN, signature, URL, PARAMS)).toBe(false);
});

test.each([
  ['a number', { ...PARAMS, SequenceNumber: 1 }],
  ['an object', { ...PARAMS, RoomSid: { sid: 'x' } }],
  ['null', { ...PARAMS, RoomName: null }],
  ['an array of numbers', { ...PARAMS, Sizes: [1, 2] }],
])('a JSON value Twilio never sends (%s) cannot be signed', (_name, params) => {
  const signature = sign(URL, params as unknown as Record<string, string>);
  expect(isSignedByTwilio(TOKEN, signature, URL, params)).toBe(false);
});
