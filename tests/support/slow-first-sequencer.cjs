/**
 * The order jest starts test files in. With timings from an earlier run in its cache, jest's own
 * order stands: failed files first, then the longest first. Without them (a fresh clone, CI),
 * jest falls back to the largest file first, whatever its project, and the two workers can end
 * on a minute-long browser or integration file started last. Here, without timings, the files
 * that start a stack go first, the slowest kind first (browser, sandbox, integration), largest
 * first within each, and the unit files, seconds each, fill in at the end.
 */
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST_FIRST = ['browser', 'sandbox', 'integration', 'unit'];

const rank = (test) => {
  const index = SLOWEST_FIRST.indexOf(test.context.config.displayName?.name ?? '');
  return index < 0 ? SLOWEST_FIRST.length : index;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    // Stable: the size order of jest's fallback is kept within each project.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
