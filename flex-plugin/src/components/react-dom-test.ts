/**
 * react-dom in a jsdom document, for the components' tests: call it at the top of a test file,
 * then `require` what renders (an `import` would be hoisted above it, and react-dom must load
 * after the globals). jsdom comes with Twilio's plugin toolchain (@twilio/flex-plugin-test); it is
 * set up by hand because the toolchain's jest-environment-jsdom is for jest 27. Test files using it
 * turn jest's globals cleanup off (their docblock), as the globals must outlive each test.
 */

export interface Dom {
  window: Window & typeof globalThis;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- jsdom has no types installed here: only what the tests use is typed, at the require
const { JSDOM } = require('jsdom') as {
  JSDOM: new (html: string, options: { pretendToBeVisual: boolean }) => Dom;
};

export function reactDomInJsdom(html = '<!doctype html><html><body></body></html>'): {
  dom: Dom;
  act: typeof import('react-dom/test-utils').act;
} {
  const dom = new JSDOM(html, { pretendToBeVisual: true });
  const globals = globalThis as Record<string, unknown>;
  globals.window = dom.window;
  globals.document = dom.window.document;
  globals.navigator = dom.window.navigator;
  // react-dom reads window and document when it loads: after the globals above. Its scheduler
  // would post to a MessageChannel, whose open port keeps jest from exiting: without one it uses
  // timers.
  const messageChannel = globals.MessageChannel;
  delete globals.MessageChannel;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- react-dom must load after the globals above
  const { act } = require('react-dom/test-utils') as typeof import('react-dom/test-utils');
  globals.MessageChannel = messageChannel;
  afterAll(() => {
    dom.window.close(); // its animation frame timer (pretendToBeVisual) would keep jest waiting
  });
  return { dom, act };
}
