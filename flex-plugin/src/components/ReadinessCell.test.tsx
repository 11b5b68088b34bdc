import { renderToStaticMarkup } from 'react-dom/server';

import { ReadinessCell } from './ReadinessCell';

const NOW = Date.parse('2026-03-10T15:00:00.000Z');

it('renders the Teams view cell: verdict and age, marked with the verdict', () => {
  const html = renderToStaticMarkup(
    <ReadinessCell
      attributes={{ videoReadiness: { checkedAt: '2026-03-10T13:30:00.000Z', verdict: 'problem' } }}
      now={NOW}
    />,
  );
  expect(html).toContain('data-readiness="problem"');
  expect(html).toContain('Problem · 1 h ago');
});

it('says so when a worker has no check on record', () => {
  const html = renderToStaticMarkup(<ReadinessCell attributes={{ full_name: 'Ada' }} now={NOW} />);
  expect(html).toContain('data-readiness="none"');
  expect(html).toContain('No check');
});
