import { createClock } from '../clock';
import { readinessLabel, readinessOf, standingOf, type Standing } from '../readiness';
import { useExternalStore } from './useExternalStore';

const COLOUR: Readonly<Record<Standing | 'none', string>> = {
  good: '#0f7b3e',
  warning: '#8a5a00',
  incomplete: '#8a5a00',
  problem: '#d61f1f',
  none: '#606b85',
};

/** The ages' finest unit is a minute: a tick every half minute keeps each at most 30 s behind. */
const AGE_TICK_MS = 30_000;
/** Every cell of the column shares it: one timer for the whole Teams view. */
const ageClock = createClock(AGE_TICK_MS);

/** The Teams view's cell: the agent's last check, its verdict (or that it is incomplete) and its
 * age, which grows as time passes (the view re-renders a row only when the worker changes). */
export function ReadinessCell({ attributes }: { attributes: unknown }) {
  const now = useExternalStore(ageClock);
  const readiness = readinessOf(attributes);
  const standing = readiness ? standingOf(readiness) : 'none';
  return (
    <span
      data-readiness={standing}
      title={readiness ? new Date(readiness.checkedAt).toLocaleString() : undefined}
      style={{ color: COLOUR[standing], whiteSpace: 'nowrap' }}
    >
      {readinessLabel(readiness, now)}
    </span>
  );
}
