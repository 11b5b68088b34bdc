/** What the page needs to know about the customer's browser: whether it can make the call at all,
 * and which settings screen to describe when it blocked the camera or microphone. */
import type { StringKey } from './strings';

export type SupportProblem = 'insecure' | 'unsupported' | null;

/** What the page can tell before the SDK has loaded (it loads behind the preview); the SDK's own
 * isSupported comes after. In-app browsers without WebRTC are caught here, before any preview. */
export function supportProblem(env: {
  secureContext: boolean;
  hasGetUserMedia: boolean;
  hasPeerConnection: boolean;
}): SupportProblem {
  if (!env.secureContext) return 'insecure';
  return env.hasGetUserMedia && env.hasPeerConnection ? null : 'unsupported';
}

export type BrowserFamily = 'ios' | 'android' | 'edge' | 'firefox' | 'safari' | 'chrome' | 'other';

/** Order matters: every iOS browser is WebKit with Safari's settings, Edge and Samsung Internet
 * say "Chrome" too, and iPadOS pretends to be a Mac (but has touch points). */
export function browserFamily(userAgent: string, maxTouchPoints: number): BrowserFamily {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  if (/Edg\//.test(userAgent)) return 'edge';
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/Chrome\/|Chromium\//.test(userAgent)) return 'chrome';
  if (/Safari\//.test(userAgent)) return 'safari';
  return 'other';
}

const PERMISSION_HELP: Record<BrowserFamily, StringKey> = {
  ios: 'permissionHelpIos',
  android: 'permissionHelpAndroid',
  edge: 'permissionHelpEdge',
  firefox: 'permissionHelpFirefox',
  safari: 'permissionHelpSafari',
  chrome: 'permissionHelpChrome',
  other: 'permissionHelpOther',
};

export function permissionHelpKey(family: BrowserFamily): StringKey {
  return PERMISSION_HELP[family];
}

/** 'background': the camera works, but the company's background rule cannot run in this browser,
 * so the camera stays off (the rule wins over convenience). */
export type MediaProblem = 'denied' | 'not-found' | 'in-use' | 'failed' | 'background';

/** getUserMedia's DOMException names, across browsers (older Chrome used the Devices* names). */
export function mediaProblem(error: unknown): MediaProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'failed';
  }
}
