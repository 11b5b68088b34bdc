import { definePage, NO_FRAMING } from '../platform/pages';

/** /join.html, the customer's page: framed by no one (README, "Security model"). */
export const handler = definePage('/pages/join.html', NO_FRAMING);
