import { readinessLabel, readinessOf, type Verdict } from '../readiness';

const COLOUR: Readonly<Record<Verdict | 'none', string>> = {
  good: '#0f7b3e',
  warning: '#8a5a00',
  problem: '#d61f1f',
  none: '#606b85',
};

/** The Teams view's cell: the agent's last check, its verdict and its age. */
export function ReadinessCell({ attributes, now }: { attributes: unknown; now: number }) {
  const readiness = readinessOf(attributes);
  return (
    <span
      data-readiness={readiness?.verdict ?? 'none'}
      title={readiness ? new Date(readiness.checkedAt).toLocaleString() : undefined}
      style={{ color: COLOUR[readiness?.verdict ?? 'none'], whiteSpace: 'nowrap' }}
    >
      {readinessLabel(readiness, now)}
    </span>
  );
}
