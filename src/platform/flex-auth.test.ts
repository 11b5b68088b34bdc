import { flexShapedToken } from '../../dev/emulator';
import { isFlexTokenShaped } from './flex-auth';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const random = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64url');
/** A compact JWE with the given header and key segment. */
const jwe = (header: unknown, key = '') => `${b64(header)}.${key}.${random(12)}.${random(300)}.${random(16)}`;
/** Flex's header today, as twilio-flex-token-validator's tokens carry it. */
const FLEX_HEADER = { zip: 'DEF', kid: 'SASI3___KMS_v1', cty: 'twilio-fpa;v=1', enc: 'A256GCM', alg: 'dir' };

test.each([
  ['Flex’s JWE (alg dir, A256GCM: an empty key segment)', jwe(FLEX_HEADER)],
  ['the emulator’s Flex-shaped token', flexShapedToken()],
  [
    'a JWE under another algorithm, with an encrypted key',
    jwe({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' }, random(256)),
  ],
  ['a header with only alg and enc', jwe({ alg: 'dir', enc: 'A256GCM' })],
])('the shape check lets %s through to Twilio', (_name, token) => {
  expect(isFlexTokenShaped(token)).toBe(true);
});

const accessToken = `${b64({ typ: 'JWT', alg: 'HS256', cty: 'twilio-fpa;v=1' })}.${b64({ sub: 'AC' })}.${random(32)}`;

test.each([
  ['an empty string', ''],
  ['a word', 'not-a-flex-token'],
  ['a Twilio access token (a JWS: three segments)', accessToken],
  ['four segments', jwe(FLEX_HEADER).split('.').slice(0, 4).join('.')],
  ['six segments', `${jwe(FLEX_HEADER)}.x`],
  ['a header that is not base64url JSON', `not json..${random(12)}.${random(30)}.${random(16)}`],
  ['a header that is a JSON array', jwe(['alg', 'enc'])],
  ['a header without enc', jwe({ alg: 'dir' })],
  ['a header whose alg is not a string', jwe({ alg: 1, enc: 'A256GCM' })],
  ['an empty ciphertext', `${b64(FLEX_HEADER)}..${random(12)}..${random(16)}`],
  ['characters outside base64url', jwe(FLEX_HEADER).replace(/.$/, '=')],
  ['spaces', ` ${jwe(FLEX_HEADER)}`],
])('%s is not shaped like a Flex token', (_name, token) => {
  expect(isFlexTokenShaped(token)).toBe(false);
});
