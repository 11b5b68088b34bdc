import { compositionRequest, noteCompositionEvent } from './compositions';

const RM = `RM${'e'.repeat(32)}`;

test('a composition is a grid of every video track with every audio track, as mp4, reporting to its callback', () => {
  expect(compositionRequest(RM, 'https://video-1234.twil.io')).toEqual({
    roomSid: RM,
    audioSources: ['*'],
    videoLayout: { grid: { video_sources: ['*'] } },
    format: 'mp4',
    statusCallback: 'https://video-1234.twil.io/video/callbacks/composition-status',
    statusCallbackMethod: 'POST',
  });
});

test('only a failed composition is logged', () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(noteCompositionEvent({ compositionSid: 'CJ1', event: 'composition-available' })).toBe('ignored');
  expect(error).not.toHaveBeenCalled();
  expect(
    noteCompositionEvent({
      compositionSid: 'CJ1',
      roomSid: RM,
      event: 'composition-failed',
      reason: 'media_processing',
    }),
  ).toBe('logged');
  expect(error).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`${RM}.*CJ1.*media_processing`)));
  error.mockRestore();
});
