/** VIDEO_AGENT_READINESS: whether the agent's equipment and appearance check is off, suggested
 * before the first call of the day (`advise`), or required before every call (`require`). */
export const READINESS_RULES = ['off', 'advise', 'require'] as const;
export type ReadinessRule = (typeof READINESS_RULES)[number];

export interface ReadinessSettings {
  rule: ReadinessRule;
  /** VIDEO_AGENT_READINESS_HOURS: how long a passing check (and its policy acknowledgement) holds. */
  hours: number;
  /** VIDEO_AGENT_POLICY_TEXT: the company's video policy, shown at the check; null when unset. */
  policyText: string | null;
  /** Signs each kept result, so a record a worker wrote into its own attributes is worth nothing. */
  signingKey: Buffer;
}
