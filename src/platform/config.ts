import { hkdfSync } from 'node:crypto';
import { AppError } from '../core/errors';
import { LIMITS, SNAPSHOT_POLICIES, sidPattern, type SnapshotPolicy } from '../contract';
import { InviteKeys, joinUrl } from '../core/invites';
import { noticeSettings, NoticeSettings, oversizedNotice } from '../core/notices';
import type { RecordingPolicy } from '../core/recording-policy';
import type { TranscriptionSettings } from '../core/transcription-policy';
import { checkSyncServiceSid } from '../core/sync-service';
import { READINESS_RULES, type ReadinessSettings } from '../core/readiness-policy';
import { PRACTICE_RECORDING_POLICIES, type PracticeSettings } from '../core/practice-policy';

/** The environment a Function sees: Twilio's own variables and those of the README's configuration table. */
export interface Env {
  ACCOUNT_SID?: string;
  AUTH_TOKEN?: string;
  DOMAIN_NAME?: string;
  TWILIO_API_KEY?: string;
  TWILIO_API_SECRET?: string;
  TWILIO_FLEX_WORKSPACE_SID?: string;
  TWILIO_SYNC_SERVICE_SID?: string;
  ALLOWED_ORIGINS?: string;
  VIDEO_RECORDING?: string;
  VIDEO_COMPOSE?: string;
  VIDEO_TRANSCRIPTION?: string;
  VIDEO_TRANSCRIPTION_LANGUAGE?: string;
  VIDEO_TRANSCRIPT_DESTINATION?: string;
  VIDEO_INVITE_TTL_SECONDS?: string;
  VIDEO_INVITE_SECRET?: string;
  VIDEO_INVITE_SECRET_PREVIOUS?: string;
  VIDEO_AGENT_BACKGROUND?: string;
  VIDEO_AGENT_BACKGROUND_IMAGE?: string;
  VIDEO_AGENT_READINESS?: string;
  VIDEO_AGENT_READINESS_HOURS?: string;
  VIDEO_AGENT_POLICY_TEXT?: string;
  VIDEO_PRACTICE_RECORDING?: string;
  VIDEO_SNAPSHOTS?: string;
  TWILIO_API_BASE_URL?: string;
  [key: string]: string | undefined;
}

export interface Config {
  accountSid: string;
  authToken: string;
  apiKey: string;
  apiSecret: string;
  workspaceSid: string;
  syncServiceSid: string;
  allowedOrigins: string[];
  recordingPolicy: RecordingPolicy;
  transcription: TranscriptionSettings;
  compose: boolean;
  inviteTtlSeconds: number;
  apiBaseUrl?: string;
  /** `https://<service domain>`, or `http://localhost:<port>` under twilio-run. */
  publicBaseUrl: string;
  notices: NoticeSettings;
  /** Keys that check invites; the first signs them. See inviteKeys(). */
  inviteKeys: InviteKeys;
  /** Keys the agent's participant identity (core/tokens.ts), from the same secret as invites. */
  agentIdentityKey: Buffer;
  agentBackground: AgentBackground;
  /** VIDEO_AGENT_READINESS, _HOURS, VIDEO_AGENT_POLICY_TEXT, and the key its records are signed with. */
  readiness: ReadinessSettings;
  /** VIDEO_PRACTICE_RECORDING, and the keys of practice links (never a task's). */
  practice: PracticeSettings;
  snapshots: SnapshotPolicy;
}

/** VIDEO_AGENT_BACKGROUND: what customers may see behind the agent (README, "Configuration"). */
export type AgentBackground = { rule: 'none' } | { rule: 'blur' } | { rule: 'image'; image: string };
const BACKGROUND_RULES = ['none', 'blur', 'image'] as const;

/** A dedicated invite secret must be as strong as the auth token it replaces (32 characters). */
const MIN_INVITE_SECRET_LENGTH = 32;
const DEFAULT_ORIGINS = ['https://flex.twilio.com'];
const RECORDING_POLICIES: readonly RecordingPolicy[] = ['on-demand', 'always', 'off'];
const TRANSCRIPTION_POLICIES = ['off', 'on-demand', 'always'] as const;
const TRANSCRIPT_DESTINATIONS = ['conversation', 'none'] as const;
/** A BCP-47 tag as speech recognisers take it: a language, then optional script, region and
 * variants (`en`, `en-US`, `zh-Hans-CN`, `es-419`). */
const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/;

function misconfigured(name: string, problem: string): AppError {
  return new AppError('misconfigured', `The service is misconfigured: ${name} ${problem}.`);
}

type Source = Readonly<Record<string, unknown>>;

function required(env: Source, name: keyof Env & string, pattern?: RegExp): string {
  const value = env[name];
  if (typeof value !== 'string' || value.trim() === '') throw misconfigured(name, 'is not set');
  if (pattern && !pattern.test(value.trim())) throw misconfigured(name, 'is not in the expected format');
  return value.trim();
}

function optional(env: Source, name: keyof Env & string): string | undefined {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function publicBaseUrl(domainName: string | undefined): string {
  if (!domainName) throw misconfigured('DOMAIN_NAME', 'is not set');
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(domainName);
  return `${local ? 'http' : 'https'}://${domainName}`;
}

/**
 * Invites are signed with a key derived from VIDEO_INVITE_SECRET, or from AUTH_TOKEN when there is
 * none, so that a service works with no extra secret. Every secret goes through the same
 * derivation, so VIDEO_INVITE_SECRET_PREVIOUS may hold either an earlier invite secret or an
 * earlier auth token: links signed with it keep working while it is set (rotation).
 */
const deriveKey = (secret: string, accountSid: string, purpose: string) =>
  Buffer.from(hkdfSync('sha256', secret, accountSid, purpose, 32));

function inviteKeys(
  env: Source,
  accountSid: string,
  authToken: string,
  purpose = 'flex-video-invite-v1',
): InviteKeys {
  const derive = (secret: string) => deriveKey(secret, accountSid, purpose);
  const secret = optional(env, 'VIDEO_INVITE_SECRET');
  const previous = optional(env, 'VIDEO_INVITE_SECRET_PREVIOUS');
  for (const [name, value] of [
    ['VIDEO_INVITE_SECRET', secret],
    ['VIDEO_INVITE_SECRET_PREVIOUS', previous],
  ] as const) {
    if (value !== undefined && value.length < MIN_INVITE_SECRET_LENGTH)
      throw misconfigured(name, `must be at least ${MIN_INVITE_SECRET_LENGTH} characters`);
  }
  return previous === undefined
    ? [derive(secret ?? authToken)]
    : [derive(secret ?? authToken), derive(previous)];
}

/** Every Twilio request carries the account's credentials: over plain http only to this machine
 * (a local emulator), never across a network. */
function apiBaseUrlOf(env: Source): string | undefined {
  const value = optional(env, 'TWILIO_API_BASE_URL');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw misconfigured('TWILIO_API_BASE_URL', 'must be an http(s) URL');
  }
  if (url.protocol === 'https:') return value;
  if (url.protocol !== 'http:') throw misconfigured('TWILIO_API_BASE_URL', 'must be an http(s) URL');
  if (!isLoopback(url.hostname)) {
    throw misconfigured(
      'TWILIO_API_BASE_URL',
      'must use https unless it points at this machine (localhost, 127.0.0.0/8 or [::1])',
    );
  }
  return value;
}

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

function agentBackground(env: Source): AgentBackground {
  const rule = optional(env, 'VIDEO_AGENT_BACKGROUND') ?? 'none';
  if (!(BACKGROUND_RULES as readonly string[]).includes(rule)) {
    throw misconfigured('VIDEO_AGENT_BACKGROUND', `must be one of ${BACKGROUND_RULES.join(', ')}`);
  }
  if (rule !== 'image') return { rule: rule as 'none' | 'blur' };
  const image = optional(env, 'VIDEO_AGENT_BACKGROUND_IMAGE');
  if (!image)
    throw misconfigured('VIDEO_AGENT_BACKGROUND_IMAGE', 'is not set (VIDEO_AGENT_BACKGROUND is image)');
  // A path of this service's assets: the panel's Content-Security-Policy admits no other host.
  if (!/^\/(?!\/)[A-Za-z0-9._~/-]+$/.test(image) || image.includes('..')) {
    throw misconfigured(
      'VIDEO_AGENT_BACKGROUND_IMAGE',
      "must be a path of this service's assets, such as /backgrounds/office.jpg",
    );
  }
  return { rule: 'image', image };
}

function oneOf<T extends string>(
  env: Source,
  name: keyof Env & string,
  values: readonly T[],
  fallback: T,
): T {
  const value = optional(env, name) ?? fallback;
  if (!(values as readonly string[]).includes(value))
    throw misconfigured(name, `must be one of ${values.join(', ')}`);
  return value as T;
}

function transcriptionSettings(env: Source): TranscriptionSettings {
  const language = optional(env, 'VIDEO_TRANSCRIPTION_LANGUAGE') ?? 'en-US';
  if (!BCP47.test(language))
    throw misconfigured('VIDEO_TRANSCRIPTION_LANGUAGE', 'must be a BCP-47 language tag such as en-US');
  return {
    policy: oneOf(env, 'VIDEO_TRANSCRIPTION', TRANSCRIPTION_POLICIES, 'off'),
    language,
    destination: oneOf(env, 'VIDEO_TRANSCRIPT_DESTINATION', TRANSCRIPT_DESTINATIONS, 'conversation'),
  };
}

/** The company's policy text is shown in the panel and hashed into each acknowledgement; a page
 * of text is plenty, and keeps it far inside what /video/agent-config should carry. */
const MAX_POLICY_TEXT_LENGTH = 2_000;

function readinessSettings(env: Source, signingKey: Buffer): ReadinessSettings {
  const hours = optional(env, 'VIDEO_AGENT_READINESS_HOURS') ?? '12';
  // A week at most: a check older than that says nothing about today's camera or room.
  if (!/^\d{1,3}$/.test(hours) || Number(hours) < 1 || Number(hours) > 168)
    throw misconfigured('VIDEO_AGENT_READINESS_HOURS', 'must be a whole number of hours from 1 to 168');
  const policyText = optional(env, 'VIDEO_AGENT_POLICY_TEXT') ?? null;
  if (policyText !== null && policyText.length > MAX_POLICY_TEXT_LENGTH)
    throw misconfigured('VIDEO_AGENT_POLICY_TEXT', `must be at most ${MAX_POLICY_TEXT_LENGTH} characters`);
  return {
    rule: oneOf(env, 'VIDEO_AGENT_READINESS', READINESS_RULES, 'advise'),
    hours: Number(hours),
    policyText,
    signingKey,
  };
}

/** ALLOWED_ORIGINS: the Flex origins that may call the agent endpoints and frame the panel. */
export function allowedOrigins(env: Source): string[] {
  return (optional(env, 'ALLOWED_ORIGINS')?.split(',') ?? DEFAULT_ORIGINS)
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** Reads and checks the environment; a missing or malformed variable is a 500 that names it. */
export function loadConfig(env: Source): Config {
  const accountSid = required(env, 'ACCOUNT_SID', sidPattern('AC'));
  const authToken = required(env, 'AUTH_TOKEN');
  const recording = optional(env, 'VIDEO_RECORDING') ?? 'on-demand';
  if (!RECORDING_POLICIES.includes(recording as RecordingPolicy)) {
    throw misconfigured('VIDEO_RECORDING', `must be one of ${RECORDING_POLICIES.join(', ')}`);
  }
  const ttl = optional(env, 'VIDEO_INVITE_TTL_SECONDS') ?? '3600';
  if (!/^\d{1,6}$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > 86_400) {
    throw misconfigured('VIDEO_INVITE_TTL_SECONDS', 'must be a whole number of seconds from 1 to 86400');
  }
  const apiBaseUrl = apiBaseUrlOf(env);
  const publicUrl = publicBaseUrl(optional(env, 'DOMAIN_NAME'));
  const recordingPolicy = recording as RecordingPolicy;
  const transcription = transcriptionSettings(env);
  const notices = noticeSettings(env);
  const snapshots = oneOf(env, 'VIDEO_SNAPSHOTS', SNAPSHOT_POLICIES, 'off');
  const longestJoinUrl = joinUrl(publicUrl, 'x'.repeat(LIMITS.inviteLength));
  const oversized = oversizedNotice(
    notices,
    longestJoinUrl,
    recordingPolicy === 'always',
    transcription.policy === 'always',
    snapshots === 'on',
  );
  if (oversized)
    throw misconfigured(
      oversized,
      'is too long: with the link, a message would exceed Twilio’s 1,600 characters',
    );
  return {
    accountSid,
    authToken,
    apiKey: required(env, 'TWILIO_API_KEY', sidPattern('SK')),
    apiSecret: required(env, 'TWILIO_API_SECRET'),
    workspaceSid: required(env, 'TWILIO_FLEX_WORKSPACE_SID', sidPattern('WS')),
    syncServiceSid: checkSyncServiceSid(optional(env, 'TWILIO_SYNC_SERVICE_SID')),
    allowedOrigins: allowedOrigins(env),
    recordingPolicy,
    transcription,
    compose: optional(env, 'VIDEO_COMPOSE')?.toLowerCase() === 'true',
    inviteTtlSeconds: Number(ttl),
    apiBaseUrl,
    publicBaseUrl: publicUrl,
    notices,
    inviteKeys: inviteKeys(env, accountSid, authToken),
    agentIdentityKey: deriveKey(
      optional(env, 'VIDEO_INVITE_SECRET') ?? authToken,
      accountSid,
      'flex-video-agent-identity-v1',
    ),
    agentBackground: agentBackground(env),
    readiness: readinessSettings(
      env,
      deriveKey(optional(env, 'VIDEO_INVITE_SECRET') ?? authToken, accountSid, 'flex-video-readiness-v1'),
    ),
    practice: {
      recording: oneOf(env, 'VIDEO_PRACTICE_RECORDING', PRACTICE_RECORDING_POLICIES, 'off'),
      // Their own keys: a practice link never verifies as a task's, nor a task's as a practice one.
      inviteKeys: inviteKeys(env, accountSid, authToken, 'flex-video-practice-invite-v1'),
    },
    snapshots,
  };
}
