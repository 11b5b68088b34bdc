import { randomBytes } from 'node:crypto';

/** The emulated account. Fixed, so that a bundle, a test and a sandbox configured apart agree. */
export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'fake-auth-token-0123456789abcdef';
/** The API key that signs Video access tokens, and the Flex workspace, as the bundle is told. */
export const API_KEY = `SK${'b2'.repeat(16)}`;
export const API_SECRET = 'fake-api-secret-0123456789abcdef';
export const WORKSPACE_SID = `WS${'c3'.repeat(16)}`;
/** The Sync service the bundle keeps its guards in: its own, with ACLs on, as `npm run setup`
 * makes one. The account's default service (ACLs off) is another one. */
export const SYNC_SERVICE_SID = `IS${'d4'.repeat(16)}`;
/** The account's Conversations service, which every conversation belongs to, and whose Media
 * Content Service holds the conversations' files. */
export const CHAT_SERVICE_SID = `IS${'e5'.repeat(16)}`;

/** The bundle's environment for this account: its credentials, the API key, the workspace and the Sync service
 * above, and, given the emulator's URL, its Twilio traffic sent there. The tests' stacks, their
 * in-process flows and the sandbox all start the bundle with it. */
export function emulatorEnv(url?: string): Record<string, string> {
  return {
    ACCOUNT_SID,
    AUTH_TOKEN,
    TWILIO_API_KEY: API_KEY,
    TWILIO_API_SECRET: API_SECRET,
    TWILIO_FLEX_WORKSPACE_SID: WORKSPACE_SID,
    TWILIO_SYNC_SERVICE_SID: SYNC_SERVICE_SID,
    ...(url === undefined ? {} : { TWILIO_API_BASE_URL: url }),
  };
}

export type Json = Record<string, unknown>;

export const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

const FLEX_TOKEN_HEADER = Buffer.from(
  JSON.stringify({ zip: 'DEF', kid: 'emulator', cty: 'twilio-fpa;v=1', enc: 'A256GCM', alg: 'dir' }),
).toString('base64url');

/** A token shaped as Flex's are (a compact JWE with `alg: dir`: header, empty key, iv, ciphertext,
 * tag), so the bundle's shape check lets it through to token validation; its content is random. */
export function flexShapedToken(): string {
  const random = (bytes: number) => randomBytes(bytes).toString('base64url');
  return `${FLEX_TOKEN_HEADER}..${random(12)}.${random(96)}.${random(16)}`;
}

/** Twilio's timestamps carry no milliseconds. */
export const iso = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An error Twilio answers with: its HTTP status and its own numeric code. */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = 'The requested resource') =>
  new TwilioError(404, 20404, `${what} was not found`);
