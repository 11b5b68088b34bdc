import * as z from 'zod';
import { AppError } from '../../core/errors';
import { keepReadiness, readinessStatus, readReadiness } from '../../core/readiness';
import { defineFlexUserEndpoint } from '../../platform/flex-auth';
import { flexToken, optionalFlag } from '../../platform/validate';

/** An item's or a figure's name: the check's own ids (`camera`, `appearance-framing`). */
const NAME = /^[a-z][a-z0-9-]{0,47}$/;
const FIGURE = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
/** The worker's attributes carry the record, so it stays small: a check has a dozen items or so,
 * each with a few figures. */
const MAX_ITEMS = 16;
const MAX_FIGURES = 8;

const item = z.strictObject(
  {
    verdict: z.enum(['good', 'warning', 'problem'], { error: 'verdict must be good, warning or problem.' }),
    finding: z.string({ error: 'finding must be a string.' }).regex(NAME, 'finding must be a short id.'),
    figures: z
      .record(z.string().regex(FIGURE, 'a figure name must be a short word.'), z.number())
      .refine((figures) => Object.keys(figures).length <= MAX_FIGURES, `at most ${MAX_FIGURES} figures.`)
      .optional(),
  },
  { error: 'Each item must be an object of verdict, finding and figures only.' },
);

const readinessParams = z.discriminatedUnion(
  'Action',
  [
    z.object({ Token: flexToken, Action: z.literal('status') }),
    z.object({
      Token: flexToken,
      Action: z.literal('report'),
      Items: z
        .record(z.string().regex(NAME, 'Items: each name must be a short id.'), item, {
          error: 'Items must be an object of the check’s items.',
        })
        .refine((items) => Object.keys(items).length > 0, 'Items must not be empty.')
        .refine(
          (items) => Object.keys(items).length <= MAX_ITEMS,
          `Items must hold at most ${MAX_ITEMS} items.`,
        ),
      PolicyAcknowledged: optionalFlag('PolicyAcknowledged'),
    }),
  ],
  { error: 'Action must be status or report.' },
);

/**
 * POST /video/readiness: the agent's panel reports the result of its check (`report`), kept on
 * the agent's worker, signed, with the bundle's time; `status` says whether the agent is ready
 * under VIDEO_AGENT_READINESS. Only a Flex user with a worker has somewhere to keep a result.
 */
export const handler = defineFlexUserEndpoint(
  '/video/readiness',
  readinessParams,
  async ({ config, twilio, now }, params, user) => {
    const at = now().getTime();
    const { readiness, workspaceSid } = config;
    if (!user.workerSid) {
      if (params.Action === 'status') return readinessStatus(readiness, undefined, at);
      throw new AppError('forbidden', 'Your Flex user has no TaskRouter worker to keep the result on.');
    }
    if (params.Action === 'status') return readReadiness(twilio, workspaceSid, readiness, user.workerSid, at);
    return keepReadiness(
      twilio,
      workspaceSid,
      readiness,
      user.workerSid,
      { items: params.Items, acknowledged: params.PolicyAcknowledged },
      at,
    );
  },
);
