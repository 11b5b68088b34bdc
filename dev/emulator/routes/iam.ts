import { iso } from '../ids';
import type { Product } from './route';

/** Flex token validation. Twilio publishes no OpenAPI spec for it: server.ts checks its shape. */
export const iam: Product = {
  subdomain: 'iam',
  routes: [
    {
      method: 'POST',
      template: '/v1/Accounts/{AccountSid}/Tokens/validate',
      handle: ({ json, state }) => {
        const user = state.flexTokens.get((json as { token: string }).token);
        if (!user) return [403, { valid: false, code: 20003, message: 'Invalid token' }];
        return [
          200,
          {
            valid: true,
            code: 0,
            message: null,
            identity: user.identity,
            worker_sid: user.worker_sid ?? null,
            roles: user.roles,
            realm_user_id: `US${'0'.repeat(32)}`,
            expiration: iso(Date.now() + 3_600_000),
          },
        ];
      },
    },
  ],
};
