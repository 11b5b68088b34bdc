import { defineEndpoint } from '../../platform/http';

/**
 * GET or POST /video/agent-config: what the agent panel must know before any credential reaches
 * it: which host origins may hand it a session (ALLOWED_ORIGINS), and the company's recording,
 * snapshot and background rules, so it can show them. Public and unauthenticated: nothing in it is secret, and
 * it makes no Twilio request.
 */
export const handler = defineEndpoint('/video/agent-config', 'agent', ({ config }) => ({
  allowedOrigins: config.allowedOrigins,
  recordingPolicy: config.recordingPolicy,
  transcriptionPolicy: config.transcription.policy,
  transcriptDestination: config.transcription.destination,
  snapshotsPolicy: config.snapshots,
  agentBackground: config.agentBackground.rule,
  agentBackgroundImage: config.agentBackground.rule === 'image' ? config.agentBackground.image : null,
  readiness: {
    rule: config.readiness.rule,
    hours: config.readiness.hours,
    policyText: config.readiness.policyText,
  },
}));
