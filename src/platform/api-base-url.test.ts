import { emulatorEnv } from '../../dev/emulator';
import { isAppError } from '../core/errors';
import { thrownBy } from '../../tests/support/expect';
import { loadConfig } from './config';

/** TWILIO_API_BASE_URL carries the account's credentials with every request: plain http only to
 * this machine (issue 18, item 6). */

const env = { ...emulatorEnv(), DOMAIN_NAME: 'example.twil.io' };
const withBase = (TWILIO_API_BASE_URL: string) => loadConfig({ ...env, TWILIO_API_BASE_URL });

test.each([
  'http://twilio-proxy.example.com',
  'http://10.0.0.5:8080',
  'http://192.168.1.20',
  'http://[fe80::1]:3000',
  'http://localhost.example.com',
  'http://127.0.0.1.nip.io',
  'ftp://127.0.0.1',
  'not a url',
])('%s is refused as misconfigured, naming the variable and not the value', (value) => {
  const error = thrownBy(() => withBase(value));
  expect(isAppError(error) && error.code).toBe('misconfigured');
  expect(String((error as Error).message)).toContain('TWILIO_API_BASE_URL');
  expect(String((error as Error).message)).not.toContain(value);
});

test.each([
  'http://127.0.0.1:4010',
  'http://localhost:4010',
  'http://[::1]:4010',
  'http://127.1.2.3',
  'https://twilio-proxy.example.com',
])('%s is accepted', (value) => {
  expect(withBase(value).apiBaseUrl).toBe(value);
});
