/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
/**
 * The Teams view's readiness cell, rendered by react-dom into a jsdom document (react-dom-test.ts),
 * on jest's fake timers: its words, and its age growing as time passes while it is shown.
 */
import { REQUIRED_READINESS_ITEMS } from '../../../src/contract';
import { reactDomInJsdom } from './react-dom-test';

const { dom, act } = reactDomInJsdom();
/* eslint-disable @typescript-eslint/no-require-imports -- react-dom must load after the globals above, and an import would be hoisted above them */
const { render, unmountComponentAtNode } = require('react-dom') as typeof import('react-dom');
const { renderToStaticMarkup } = require('react-dom/server') as typeof import('react-dom/server');
const { ReadinessCell } = require('./ReadinessCell') as typeof import('./ReadinessCell');
/* eslint-enable @typescript-eslint/no-require-imports */

const NOW = Date.parse('2026-03-10T15:00:00.000Z');
const MINUTE = 60_000;
/** A worker whose last result holds both checks' items. */
const worker = (checkedAt: string, verdict = 'good') => ({
  videoReadiness: {
    checkedAt,
    verdict,
    items: Object.fromEntries(
      REQUIRED_READINESS_ITEMS.map((name) => [name, { verdict, finding: `${name}-x` }]),
    ),
  },
});

beforeEach(() => {
  // The clock and the intervals are fake; setTimeout stays real, as React's scheduler uses it
  // here (no MessageChannel), so the timers counted below are the column's alone.
  jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  jest.useRealTimers();
});

it('renders the Teams view cell: verdict and age, marked with the verdict', () => {
  const html = renderToStaticMarkup(
    <ReadinessCell attributes={worker('2026-03-10T13:30:00.000Z', 'problem')} />,
  );
  expect(html).toContain('data-readiness="problem"');
  expect(html).toContain('Problem · 1 h ago');
});

it('marks a check that lacks the appearance items as incomplete', () => {
  const html = renderToStaticMarkup(
    <ReadinessCell
      attributes={{ videoReadiness: { checkedAt: '2026-03-10T14:30:00.000Z', verdict: 'good', items: {} } }}
    />,
  );
  expect(html).toContain('data-readiness="incomplete"');
  expect(html).toContain('Incomplete · 30 min ago');
});

it('says so when a worker has no check on record', () => {
  const html = renderToStaticMarkup(<ReadinessCell attributes={{ full_name: 'Ada' }} />);
  expect(html).toContain('data-readiness="none"');
  expect(html).toContain('No check');
});

it('ticks: the ages grow while the column is shown, on one timer for every cell, cleared on unmount', () => {
  const container = dom.window.document.createElement('div');
  dom.window.document.body.append(container);
  const cells = () => Array.from(container.querySelectorAll('span'), (cell) => cell.textContent);
  act(() => {
    render(
      <>
        <ReadinessCell attributes={worker('2026-03-10T14:58:00.000Z')} />
        <ReadinessCell attributes={worker('2026-03-10T14:01:00.000Z', 'warning')} />
      </>,
      container,
    );
  });
  expect(cells()).toEqual(['Passed · 2 min ago', 'Passed with warnings · 59 min ago']);
  expect(jest.getTimerCount()).toBe(1);

  act(() => {
    jest.advanceTimersByTime(MINUTE);
  });
  expect(cells()).toEqual(['Passed · 3 min ago', 'Passed with warnings · 1 h ago']);
  act(() => {
    jest.advanceTimersByTime(57 * MINUTE);
  });
  expect(cells()).toEqual(['Passed · 1 h ago', 'Passed with warnings · 1 h ago']);

  act(() => {
    unmountComponentAtNode(container);
  });
  expect(jest.getTimerCount()).toBe(0);
  // Nothing renders any more, and nothing throws, when time goes on.
  act(() => {
    jest.advanceTimersByTime(10 * MINUTE);
  });
  expect(container.innerHTML).toBe('');
});
