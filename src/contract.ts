/**
 * The contract's constants, shared by the Functions and the pages: SID formats, lengths and
 * limits, error codes with their statuses, identity prefixes; and the request and answer types of
 * every endpoint, taken from docs/openapi.d.ts (generated from docs/openapi.yaml). Nothing here
 * touches a platform API and the imports are of types only, so the browser bundles can use it
 * as well. docs/openapi.yaml states the same values for callers.
 */
import type { components, paths } from '../docs/openapi';
import type { AppearanceItem, CheckItem, Finding } from './panel-protocol';

export type SidPrefix = 'AC' | 'SK' | 'WS' | 'WT' | 'WK' | 'CH' | 'RM' | 'RT' | 'CJ' | 'PA';

/** A Twilio SID: its two-letter prefix and 32 hex digits. */
export const sidPattern = (prefix: SidPrefix): RegExp => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);

export const isSid = (prefix: SidPrefix, value: unknown): value is string =>
  typeof value === 'string' && sidPattern(prefix).test(value);

export const LIMITS = {
  /** A Flex token is a JWE of a few kB; anything far larger is not one. */
  flexTokenLength: 8_192,
  /** `Name` on /video/join. */
  displayNameLength: 64,
  /** Twilio's limit on a participant identity, in UTF-8 bytes (multi-byte characters count more). */
  identityBytes: 128,
  /** Twilio's limit on a message body. */
  messageBodyLength: 1_600,
  /** The longest invite the bundle signs (invites.ts). */
  inviteLength: 140,
  /** Final transcription results in one report to /video/transcript, and one result's text. */
  transcriptResultsPerReport: 20,
  transcriptResultLength: 1_000,
  /** A snapshot's bytes, decoded (README, "Snapshots"): its base64 in a JSON body stays well under
   * the 6 MB a Twilio Function takes. */
  snapshotBytes: 3 * 1024 * 1024,
  /** Snapshots posted per room in any minute. */
  snapshotsPerMinute: 5,
} as const;

/** VIDEO_SNAPSHOTS: whether the agent may take pictures of the customer's camera, and how the
 * customer agrees (README, "Snapshots"). */
export const SNAPSHOT_POLICIES = ['off', 'ask', 'on'] as const;
export type SnapshotPolicy = (typeof SNAPSHOT_POLICIES)[number];
/** The image types a snapshot may be: what every chat channel shows inline. */
export const SNAPSHOT_TYPES = ['image/jpeg', 'image/png'] as const;

/** Identities: the agent's, a supervisor's and the customer's can never collide. A supervisor is a
 * Flex admin or supervisor in a task's room without a reservation on the task; the customer's page
 * names them as such. */
export const AGENT_IDENTITY_PREFIX = 'agent-';
export const SUPERVISOR_IDENTITY_PREFIX = 'supervisor-';
export const CUSTOMER_IDENTITY_PREFIX = 'customer-';
/** A customer's identity is the prefix and the nonce of the link that admitted them. */
export const CUSTOMER_IDENTITY = /^customer-([A-Za-z0-9_-]{16})$/;

/** The TaskRouter worker attribute that holds the agent's last readiness check (signed by the
 * service; the Flex plugin's Teams view column reads it). */
export const READINESS_ATTRIBUTE = 'videoReadiness';

/** The items a check must hold to pass VIDEO_AGENT_READINESS=require: the equipment check's and
 * the appearance check's (framing, lighting, voice), so a result of one check alone does not pass.
 * The echo item is left out: it is a guess from the output device's name, advice, never a problem. */
export const REQUIRED_READINESS_ITEMS = [
  'camera',
  'microphone',
  'speakers',
  'network',
  'appearance-framing',
  'appearance-lighting',
  'appearance-voice',
] as const satisfies readonly (CheckItem | AppearanceItem)[];

/** Findings that say an item could not be measured (no device, no face model, no face to light,
 * no token for the network probe). Under `require` such an item does not pass whatever its
 * verdict: the rule is there so that no customer call starts on an unchecked camera, microphone
 * or picture, and an unmeasured item checked nothing. The panel shows some of them as warnings
 * (the face model did not load), which under `advise` is no reason to stop; the agent fixes the
 * cause (allows the microphone, reloads) and checks again. */
export const UNMEASURED_FINDINGS = [
  'camera-missing',
  'microphone-missing',
  'network-failed',
  'appearance-unavailable',
  'appearance-lighting-unknown',
  'appearance-voice-missing',
] as const satisfies readonly Finding[];

const UNMEASURED: ReadonlySet<string> = new Set(UNMEASURED_FINDINGS);

/** The required items a kept result lacks, or holds without a measurement: a result with any does
 * not pass `require`, whatever its verdicts. The service's rule, and what the Teams view shows. */
export const missingReadinessItems = (items: Readonly<Record<string, unknown>> | undefined): string[] =>
  REQUIRED_READINESS_ITEMS.filter((name) => {
    const item = items && Object.prototype.hasOwnProperty.call(items, name) ? items[name] : undefined;
    const finding =
      typeof item === 'object' && item !== null ? (item as { finding?: unknown }).finding : undefined;
    return typeof finding !== 'string' || UNMEASURED.has(finding);
  });

/** Every error code of the contract, with its HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_invite: 401,
  forbidden: 403,
  invalid_signature: 403,
  recording_disabled: 403,
  transcription_disabled: 403,
  /** VIDEO_AGENT_READINESS=require and the caller has no fresh passing readiness check. */
  readiness_required: 403,
  snapshots_disabled: 403,
  task_not_found: 404,
  no_room: 404,
  no_conversation: 409,
  invite_expired: 410,
  invite_revoked: 410,
  session_ended: 410,
  snapshot_request_invalid: 410,
  image_too_large: 413,
  unsupported_image: 415,
  rate_limited: 429,
  upstream_error: 502,
  upstream_unavailable: 503,
  transcription_unavailable: 503,
  misconfigured: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

// ---- Endpoint types, from docs/openapi.yaml -------------------------------------------------

/** The schemas of docs/openapi.yaml, by name. */
export type ApiSchema = components['schemas'];

/** The endpoints that take a JSON body (every Function but the pages). */
export type ApiPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];

/** The JSON body an endpoint takes. */
export type ApiRequest<P extends ApiPath> = paths[P]['post'] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The JSON body of an endpoint's success answer (200). */
export type ApiAnswer<P extends ApiPath> = paths[P]['post'] extends {
  responses: { 200: { content: { 'application/json': infer Body extends object } } };
}
  ? Body
  : never;

/** Where Twilio posts its status callbacks: the URLs the bundle registers with rooms and
 * compositions are the ones whose signatures the callbacks check (callbackUrl, both sides). */
export const CALLBACK_PATHS = {
  roomStatus: '/video/callbacks/room-status',
  compositionStatus: '/video/callbacks/composition-status',
} as const satisfies Record<string, ApiPath>;

export type CallbackPath = (typeof CALLBACK_PATHS)[keyof typeof CALLBACK_PATHS];

export const callbackUrl = (publicBaseUrl: string, path: CallbackPath): string => `${publicBaseUrl}${path}`;

/** Every failure's body. */
export type ApiError = ApiSchema['Error'];

/** Parsed JSON from the service, read by the document's field names before any is checked: every
 * field may be missing or of any type (a proxy or an older deployment may have answered), yet a
 * field the document renames or drops no longer compiles where a caller reads it. */
export type Unchecked<T> = { [K in keyof T]?: unknown };

/** ERROR_STATUS names exactly the document's error codes: neither can gain one alone. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ERROR_CODES_MATCH_DOCUMENT: SameKeys<ErrorCode, ApiError['error']['code']> = true;
