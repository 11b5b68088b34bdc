import { summarizeComposition, summarizeRecording } from './recordings-listing';

test("summaries carry sids, kinds, statuses and durations only; a composition's 0 s until done is unknown", () => {
  expect(summarizeRecording({ sid: 'RT1', type: 'video', duration: 12, status: 'completed' })).toEqual({
    sid: 'RT1',
    kind: 'video',
    durationSeconds: 12,
    status: 'completed',
  });
  expect(summarizeComposition({ sid: 'CJ1', status: 'processing', duration: 0 })).toEqual({
    sid: 'CJ1',
    status: 'processing',
    durationSeconds: null,
  });
  expect(summarizeComposition({ sid: 'CJ1', status: 'completed', duration: 75 })).toEqual({
    sid: 'CJ1',
    status: 'completed',
    durationSeconds: 75,
  });
});
