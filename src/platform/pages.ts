import '@twilio-labs/serverless-runtime-types';
import type {
  Context,
  ServerlessCallback,
  ServerlessFunctionSignature,
} from '@twilio-labs/serverless-runtime-types/types';
import { createHash } from 'node:crypto';
import { allowedOrigins, Env } from './config';
import { readHeaders } from './http';

/**
 * The pages' HTML is a private asset, served by a Function so that it can carry headers: a
 * `<meta>` Content-Security-Policy cannot say who may frame the page (frame-ancestors), and
 * without it any site can frame the join page and lay its own UI over the camera prompt
 * (clickjacking). The header is the page's own meta policy, unchanged, plus frame-ancestors.
 */

/** Who may frame a page, as a frame-ancestors source list. */
export type FrameAncestors = (env: Readonly<Record<string, unknown>>) => string;

export const NO_FRAMING: FrameAncestors = () => "'none'";

/** The Flex origins of ALLOWED_ORIGINS; one that is not a plain origin could only smuggle
 * directives into the header, and can match no frame, so it is left out. */
export const FLEX_ORIGINS: FrameAncestors = (env) => {
  const origins = allowedOrigins(env).filter((origin) =>
    /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin),
  );
  return origins.length > 0 ? origins.join(' ') : "'none'";
};

/** The HTML changes only with a deployment, and ALLOWED_ORIGINS only with a deployment's
 * environment: the browser may keep the page a few minutes, then revalidates with the ETag. */
const PAGE_CACHE_CONTROL = 'public, max-age=300';

export interface ServedPage {
  html: string;
  headers: Record<string, string>;
}

/** The page as served: its HTML and its headers, the meta tag's policy extended with frame-ancestors. */
export function servedPage(html: string, frameAncestors: string): ServedPage {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!meta) throw new Error('the page has no Content-Security-Policy meta tag');
  const csp = `${meta[1]}; frame-ancestors ${frameAncestors}`;
  const etag = `"${createHash('sha256').update(html).update(csp).digest('base64url').slice(0, 27)}"`;
  return {
    html,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      ...(frameAncestors === "'none'" ? { 'X-Frame-Options': 'DENY' } : {}),
      'Cache-Control': PAGE_CACHE_CONTROL,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  };
}

/** A Function that serves the private asset `assetPath` (its path in Runtime.getAssets()). The
 * page is read and its headers made once per instance: both are fixed for a deployment. */
export function definePage(
  assetPath: string,
  frameAncestors: FrameAncestors,
): ServerlessFunctionSignature<Env> {
  let page: ServedPage | undefined;
  return (context: Context<Env>, event: Record<string, unknown>, callback: ServerlessCallback) => {
    page ??= servedPage(Runtime.getAssets()[assetPath].open(), frameAncestors(context));
    const response = new Twilio.Response();
    for (const [name, value] of Object.entries(page.headers)) response.appendHeader(name, value);
    if (readHeaders(event)['if-none-match'] === page.headers.ETag) {
      response.setStatusCode(304);
    } else {
      response.setStatusCode(200);
      response.setBody(page.html);
    }
    callback(null, response);
  };
}
