import { ITask, Manager, useFlexSelector, withTaskContext } from '@twilio/flex-ui';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

import { CallStates } from '../call-states';
import { connectPanelBridge, createPanelBridge } from '../panel-bridge';
import { VideoService } from '../service';
import { TASK_CANVAS_TABS_STATE, VIDEO_TAB } from '../tabs';
import { offersVideo } from '../tasks';

interface PanelProps {
  manager: Manager;
  service: VideoService;
  callStates: CallStates;
}

const frameStyle = { border: 0, width: '100%', height: '100%', minHeight: 480 };

function PanelFrame({ taskSid, manager, service, callStates }: PanelProps & { taskSid: string }) {
  const selected = useFlexSelector(
    (state) => state.flex.view.componentViewStates[TASK_CANVAS_TABS_STATE]?.selectedTabName === VIDEO_TAB,
  );
  // Flex keeps every tab mounted. The panel loads only once the agent opens the tab, so chats
  // that never go to video cost no requests, and then stays loaded so a call survives a look at
  // the chat tab.
  const [opened, setOpened] = useState(selected);
  useEffect(() => {
    if (selected) setOpened(true);
  }, [selected]);

  const frame = useRef<HTMLIFrameElement>(null);
  // A layout effect, so the listener is in place before the iframe can load and say ready.
  useLayoutEffect(() => {
    if (!opened) return undefined;
    const bridge = createPanelBridge({
      serviceOrigin: service.origin,
      panelWindow: () => frame.current?.contentWindow ?? null,
      session: () => ({ token: manager.user.token, taskSid }),
      onState: (message) => callStates.record(taskSid, message),
      onCheck: (message) => console.info(`Video escalation: equipment check for task ${taskSid}`, message.detail),
      onUnsupportedVersion: (version) =>
        console.warn(`Video escalation: the agent panel speaks protocol version ${version}; this plugin speaks 1.`),
    });
    const disconnect = connectPanelBridge(bridge, window, manager.events);
    return () => {
      disconnect();
      callStates.forget(taskSid);
    };
  }, [opened, taskSid, manager, service, callStates]);

  if (!opened) return null;
  return (
    <iframe
      ref={frame}
      title="Video call"
      src={service.panelUrl}
      allow="camera; microphone; display-capture; autoplay"
      style={frameStyle}
    />
  );
}

function VideoPanel({ task, ...props }: PanelProps & { task?: ITask }) {
  if (!offersVideo(task)) return null;
  // Keyed by task: Flex reuses the tab when the agent selects another task, and a panel that
  // holds one task's session must never be handed another's.
  return <PanelFrame key={task.taskSid} taskSid={task.taskSid} {...props} />;
}

/** The Video tab's content: the service's agent panel, for the selected task. */
export const VideoTab = withTaskContext(VideoPanel);
