import { parseServiceUrl } from './service';

describe('parseServiceUrl', () => {
  it('derives the panel, the complete endpoint and the origin from the base URL', () => {
    expect(parseServiceUrl('https://video-1234-prod.twil.io/')).toEqual({
      baseUrl: 'https://video-1234-prod.twil.io',
      origin: 'https://video-1234-prod.twil.io',
      panelUrl: 'https://video-1234-prod.twil.io/agent.html',
      completeUrl: 'https://video-1234-prod.twil.io/video/complete',
    });
  });

  it('keeps a path prefix (a service behind a proxy) out of the origin', () => {
    const service = parseServiceUrl(' https://example.com/video-service// ');
    expect(service.origin).toBe('https://example.com');
    expect(service.completeUrl).toBe('https://example.com/video-service/video/complete');
  });

  it('accepts plain http only for a local twilio-run', () => {
    expect(parseServiceUrl('http://localhost:3000').origin).toBe('http://localhost:3000');
    expect(parseServiceUrl('http://127.0.0.1:3000').panelUrl).toBe('http://127.0.0.1:3000/agent.html');
    expect(() => parseServiceUrl('http://video-1234-prod.twil.io')).toThrow('must be an https URL');
  });

  it.each([
    [undefined, 'FLEX_APP_VIDEO_SERVICE_URL is not set.'],
    ['  ', 'FLEX_APP_VIDEO_SERVICE_URL is not set.'],
    ['video-1234-prod.twil.io', 'FLEX_APP_VIDEO_SERVICE_URL is not a URL.'],
    ['javascript:alert(1)', 'must be an https URL'],
    ['https://user:secret@video-1234-prod.twil.io', 'without credentials, query or fragment'],
    ['https://video-1234-prod.twil.io/?x=1', 'without credentials, query or fragment'],
    ['https://video-1234-prod.twil.io/#x', 'without credentials, query or fragment'],
  ])('refuses %p, naming the variable', (raw, message) => {
    expect(() => parseServiceUrl(raw)).toThrow(message);
  });
});
