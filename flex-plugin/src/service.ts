/** The plugin's one setting, FLEX_APP_VIDEO_SERVICE_URL, and the addresses derived from it. */
export interface VideoService {
  /** The Functions service's base URL, without a trailing slash. */
  baseUrl: string;
  /** Its origin: the only one panel messages are accepted from or sent to. */
  origin: string;
  panelUrl: string;
  completeUrl: string;
}

export const SERVICE_URL_VARIABLE = 'FLEX_APP_VIDEO_SERVICE_URL';

// twilio-run serves the service over plain http on the developer's machine.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks the configured URL and derives the rest from it. Throws an Error naming the variable:
 * the service URL decides where the agent's Flex token is sent, so a typo must stop the
 * plugin rather than be guessed around.
 */
export function parseServiceUrl(raw: string | undefined): VideoService {
  const value = raw?.trim();
  if (!value) throw new Error(`${SERVICE_URL_VARIABLE} is not set.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${SERVICE_URL_VARIABLE} is not a URL.`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  if (!secure) throw new Error(`${SERVICE_URL_VARIABLE} must be an https URL (http only for localhost).`);
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `${SERVICE_URL_VARIABLE} must be the service's base URL, without credentials, query or fragment.`,
    );
  }
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    baseUrl,
    origin: url.origin,
    panelUrl: `${baseUrl}/agent.html`,
    completeUrl: `${baseUrl}/video/complete`,
  };
}
