import { Manager } from '@twilio/flex-ui';
import { useLayoutEffect, useRef } from 'react';
import { render, unmountComponentAtNode } from 'react-dom';

import { connectPanelBridge, createPanelBridge } from '../panel-bridge';
import { DockFrame, PanelDock } from '../panel-dock';
import { frameStyle } from '../placement';
import { VideoService } from '../service';
import { useDockSnapshot } from './useDock';

interface DockProps {
  dock: PanelDock;
  manager: Manager;
  service: VideoService;
}

function PanelFrame({ frame, dock, manager, service }: DockProps & { frame: DockFrame }) {
  const { taskSid } = frame;
  const iframe = useRef<HTMLIFrameElement>(null);
  // A layout effect, so the listener is in place before the iframe can load and say ready.
  useLayoutEffect(() => {
    const bridge = createPanelBridge({
      serviceOrigin: service.origin,
      panelWindow: () => iframe.current?.contentWindow ?? null,
      session: () => ({ token: manager.user.token, taskSid }),
      onState: (message) => dock.record(taskSid, message),
      onCheck: (message) =>
        console.info(`Video escalation: equipment check for task ${taskSid}`, message.detail),
      onUnsupportedVersion: (version) =>
        console.warn(
          `Video escalation: the agent panel speaks protocol version ${version}; this plugin speaks 1.`,
        ),
    });
    return connectPanelBridge(bridge, window, manager.events);
  }, [taskSid, dock, manager, service]);

  return (
    <iframe
      ref={iframe}
      title="Video call"
      src={service.panelUrl}
      allow="camera; microphone; display-capture; autoplay"
      aria-hidden={frame.shown ? undefined : true}
      data-task-sid={taskSid}
      style={frameStyle(frame)}
    />
  );
}

/**
 * Every task's panel iframe, keyed by task in creation order (so React never moves one: a moved
 * iframe reloads), each positioned over its task's Video tab or hidden.
 */
function Panels(props: DockProps) {
  const { frames } = useDockSnapshot(props.dock);
  return (
    <>
      {frames.map((frame) => (
        <PanelFrame key={frame.taskSid} frame={frame} {...props} />
      ))}
    </>
  );
}

/**
 * Renders the panels once, in a React root of their own in a container appended to
 * document.body: nothing Flex renders or unmounts (task canvases, views) can unload them.
 * Returns the function that removes it all.
 */
export function mountPanelDock(props: DockProps, doc: Document = document): () => void {
  const container = doc.createElement('div');
  container.id = 'video-escalation-panels';
  doc.body.appendChild(container);
  render(<Panels {...props} />, container);
  return () => {
    unmountComponentAtNode(container);
    container.remove();
  };
}
