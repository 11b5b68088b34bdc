import { hkdfSync } from 'node:crypto';
import { AppError } from '../core/errors';
import { NoticeTexts, noticeTexts } from '../core/notices';
import type { RecordingPolicy } from '../core/recording-policy';

/** The environment a Function sees: Twilio's own variables and those of API.md. */
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
  VIDEO_INVITE_TTL_SECONDS?: string;
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
  compose: boolean;
  inviteTtlSeconds: number;
  apiBaseUrl?: string;
  /** `https://<service domain>`, or `http://localhost:<port>` under twilio-run. */
  publicBaseUrl: string;
  notices: NoticeTexts;
  /** Key that signs invites, derived from the auth token so there is no extra secret to manage. */
  inviteKey: Buffer;
}

const SID = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
const DEFAULT_ORIGINS = ['https://flex.twilio.com'];
const RECORDING_POLICIES: readonly RecordingPolicy[] = ['on-demand', 'always', 'off'];

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

/** Reads and checks the environment; a missing or malformed variable is a 500 that names it. */
export function loadConfig(env: Source): Config {
  const accountSid = required(env, 'ACCOUNT_SID', SID('AC'));
  const authToken = required(env, 'AUTH_TOKEN');
  const recording = optional(env, 'VIDEO_RECORDING') ?? 'on-demand';
  if (!RECORDING_POLICIES.includes(recording as RecordingPolicy)) {
    throw misconfigured('VIDEO_RECORDING', `must be one of ${RECORDING_POLICIES.join(', ')}`);
  }
  const ttl = optional(env, 'VIDEO_INVITE_TTL_SECONDS') ?? '3600';
  if (!/^\d{1,6}$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > 86_400) {
    throw misconfigured('VIDEO_INVITE_TTL_SECONDS', 'must be a whole number of seconds from 1 to 86400');
  }
  const apiBaseUrl = optional(env, 'TWILIO_API_BASE_URL');
  if (apiBaseUrl && !/^https?:\/\/[^\s/]+/.test(apiBaseUrl)) {
    throw misconfigured('TWILIO_API_BASE_URL', 'must be an http(s) URL');
  }
  return {
    accountSid,
    authToken,
    apiKey: required(env, 'TWILIO_API_KEY', SID('SK')),
    apiSecret: required(env, 'TWILIO_API_SECRET'),
    workspaceSid: required(env, 'TWILIO_FLEX_WORKSPACE_SID', SID('WS')),
    syncServiceSid: optional(env, 'TWILIO_SYNC_SERVICE_SID') ?? 'default',
    allowedOrigins: (optional(env, 'ALLOWED_ORIGINS')?.split(',') ?? DEFAULT_ORIGINS)
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    recordingPolicy: recording as RecordingPolicy,
    compose: optional(env, 'VIDEO_COMPOSE')?.toLowerCase() === 'true',
    inviteTtlSeconds: Number(ttl),
    apiBaseUrl,
    publicBaseUrl: publicBaseUrl(optional(env, 'DOMAIN_NAME')),
    notices: noticeTexts(env),
    inviteKey: Buffer.from(hkdfSync('sha256', authToken, accountSid, 'flex-video-invite-v1', 32)),
  };
}
