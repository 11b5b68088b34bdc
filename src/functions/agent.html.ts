import { definePage, FLEX_ORIGINS } from '../platform/pages';

/** /agent.html, the agent's panel: framed only by the Flex origins of ALLOWED_ORIGINS. */
export const handler = definePage('/pages/agent.html', FLEX_ORIGINS);
