/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
/**
 * The React glue of the dock, rendered for real by react-dom into a jsdom document
 * (react-dom-test.ts): iframes are created once per task and never moved in the DOM (a moved
 * iframe reloads, and the agent would drop out of the call), whatever the dock does with the others.
 */
import type { Manager } from '@twilio/flex-ui';

import { PanelDock, createPanelDock } from '../panel-dock';
import type { VideoService } from '../service';
import { reactDomInJsdom } from './react-dom-test';

const A = 'WT' + 'a'.repeat(32);
const B = 'WT' + 'b'.repeat(32);
const C = 'WT' + 'c'.repeat(32);
const TAB = { left: 400, top: 150, width: 700, height: 500 };
const SERVICE = {
  origin: 'https://example.twil.io',
  panelUrl: 'https://example.twil.io/agent.html',
} as VideoService;
const manager = {
  user: { token: 'flex-token' },
  events: { addListener: () => undefined, removeListener: () => undefined },
} as unknown as Manager;

const { dom, act } = reactDomInJsdom('<!doctype html><html><body><div id="flex"></div></body></html>');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after react-dom's globals, and an import would be hoisted above them
const { mountPanelDock } = require('./PanelDock') as typeof import('./PanelDock');

/** A dock that applies each change at once, and flushes React's effects, as a browser would soon after. */
function acting(dock: PanelDock): PanelDock {
  const wrap =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) =>
      act(() => fn(...args));
  return {
    ...dock,
    setHeld: wrap(dock.setHeld),
    placeSlot: wrap(dock.placeSlot),
    removeSlot: wrap(dock.removeSlot),
  };
}

function setUp() {
  const doc = dom.window.document;
  const real = createPanelDock();
  real.setHeld([A, B, C].map((taskSid) => ({ taskSid, status: 'accepted' })));
  let unmountDock = () => {};
  act(() => {
    unmountDock = mountPanelDock({ dock: real, manager, service: SERVICE }, doc);
  });
  const dock = acting(real);
  let unmounted = false;
  const unmount = () => {
    if (!unmounted) act(() => unmountDock());
    unmounted = true;
  };
  mounted.push(unmount);
  const container = doc.getElementById('video-escalation-panels') as HTMLElement;
  const frames = () => Array.from(container.querySelectorAll('iframe'));
  const frame = (taskSid: string) =>
    container.querySelector(`iframe[data-task-sid="${taskSid}"]`) as HTMLIFrameElement;
  const removed: Node[] = [];
  const added: Node[] = [];
  const observer = new dom.window.MutationObserver((records) => {
    records.forEach((record) => {
      removed.push(...Array.from(record.removedNodes));
      added.push(...Array.from(record.addedNodes));
    });
  });
  observer.observe(container, { childList: true, subtree: true });
  const mutations = () => {
    observer.takeRecords().forEach((record) => {
      removed.push(...Array.from(record.removedNodes));
      added.push(...Array.from(record.addedNodes));
    });
    return { removed, added };
  };
  return { doc, dock, container, frames, frame, mutations, unmount };
}

const mounted: Array<() => void> = [];

afterEach(() => {
  mounted.splice(0).forEach((unmount) => unmount());
});

describe('the panel dock (react-dom)', () => {
  it('renders into a container of its own at the end of document.body, outside Flex', () => {
    const { doc, container, frames, unmount } = setUp();
    expect(container.parentElement).toBe(doc.body);
    expect(doc.body.lastElementChild).toBe(container);
    expect(frames()).toEqual([]);
    unmount();
    expect(doc.getElementById('video-escalation-panels')).toBeNull();
  });

  it("renders a task's panel as the agent panel iframe, fixed over its slot", () => {
    const { dock, frame } = setUp();
    dock.placeSlot('s1', A, TAB);
    const iframe = frame(A);
    expect(iframe.getAttribute('src')).toBe(SERVICE.panelUrl);
    expect(iframe.getAttribute('allow')).toBe('camera; microphone; display-capture; autoplay');
    expect(iframe.style.position).toBe('fixed');
    expect([iframe.style.left, iframe.style.top, iframe.style.width, iframe.style.height]).toEqual([
      '400px',
      '150px',
      '700px',
      '500px',
    ]);
    expect(iframe.style.visibility).toBe('visible');
  });

  it('hides a panel when the agent switches tasks, without removing, moving or re-creating it', () => {
    const { dock, frame, frames, mutations } = setUp();
    dock.placeSlot('s1', A, TAB);
    const a = frame(A);
    dock.removeSlot('s1');
    dock.placeSlot('s2', B, TAB);
    dock.placeSlot('s2', B, { ...TAB, width: 600 });
    dock.removeSlot('s2');
    dock.placeSlot('s3', A, TAB);
    expect(frames()).toEqual([a, frame(B)]);
    expect(frame(A)).toBe(a);
    expect(mutations().removed).toEqual([]);
    expect(mutations().added).toEqual([a, frame(B)]);
  });

  it('shows one panel at a time; the others stay hidden, at their last size, taking no clicks', () => {
    const { dock, frame } = setUp();
    dock.placeSlot('s1', A, TAB);
    dock.removeSlot('s1');
    dock.placeSlot('s2', B, { ...TAB, width: 600 });
    expect(frame(B).style.visibility).toBe('visible');
    expect(frame(A).style.visibility).toBe('hidden');
    expect(frame(A).style.pointerEvents).toBe('none');
    expect(frame(A).style.width).toBe('700px');
    expect(frame(A).getAttribute('aria-hidden')).toBe('true');
  });

  it('removes only the panel of a task that left the agent; the others are not moved', () => {
    const { dock, frame, frames, mutations } = setUp();
    dock.placeSlot('s1', A, TAB);
    dock.placeSlot('s2', B, TAB);
    dock.placeSlot('s3', C, TAB);
    const [a, b, c] = [frame(A), frame(B), frame(C)];
    mutations().added.length = 0;
    dock.setHeld([A, C].map((taskSid) => ({ taskSid, status: 'accepted' })));
    expect(frames()).toEqual([a, c]);
    expect(mutations()).toEqual({ removed: [b], added: [] });
  });
});
