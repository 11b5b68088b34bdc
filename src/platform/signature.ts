// The webhooks module alone: the library's entry point would load all of it (cold start).
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { z } from 'zod';
import { AppError } from '../core/errors';
import { callbackUrl, type CallbackPath } from '../contract';
import { defineEndpoint, EndpointAnswer, Invocation, Params } from './http';
import { parseParams } from './validate';

/**
 * Twilio signs each callback: X-Twilio-Signature is the HMAC-SHA1, keyed with the auth token,
 * of the URL it called followed by the sorted POST parameters. The URL checked is the one the
 * bundle registered, never one taken from the request (Host and proxies can be forged).
 * Twilio posts form fields only, so a parameter that is not a string (JSON bodies can carry
 * any type) cannot be part of a request Twilio signed.
 */
export function isSignedByTwilio(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Params,
): boolean {
  if (!signature) return false;
  const signed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(params)) {
    const isFormValue =
      typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!isFormValue) return false;
    signed[name] = value;
  }
  return validateRequest(authToken, signature, url, signed);
}

/**
 * The one wrapper for Twilio's callbacks. The signature is checked here, before the parameters
 * and before any Twilio request: deployed, `.protected` makes Twilio check it too, but under
 * twilio-run nothing else would. `params` excludes `request`, which carries the headers.
 */
export function defineTwilioCallback<P extends CallbackPath, S extends z.ZodType>(
  path: P,
  schema: S,
  run: (invocation: Invocation, params: z.infer<S>) => EndpointAnswer<P>,
) {
  return defineEndpoint(path, 'none', async (invocation, rawParams) => {
    const { config, headers } = invocation;
    if (
      !isSignedByTwilio(
        config.authToken,
        headers['x-twilio-signature'],
        callbackUrl(config.publicBaseUrl, path),
        rawParams,
      )
    ) {
      throw new AppError(
        'invalid_signature',
        'The request does not carry a valid Twilio signature for this URL.',
      );
    }
    return run(invocation, parseParams(schema, rawParams));
  });
}
