import { ITask } from '@twilio/flex-ui';

import { PanelDock } from '../panel-dock';
import { useDockSnapshot } from './useDock';

const dotStyle = {
  display: 'inline-block',
  width: 8,
  height: 8,
  borderRadius: '50%',
  background: '#d61f1f',
  marginRight: 6,
  verticalAlign: 'middle',
};

const badgeStyle = {
  display: 'inline-flex',
  alignItems: 'center',
  padding: '2px 6px',
  borderRadius: 4,
  fontSize: 12,
  fontWeight: 600,
  color: '#d61f1f',
  background: '#fdecec',
  whiteSpace: 'nowrap' as const,
};

export function LiveDot() {
  return <span aria-hidden style={dotStyle} />;
}

/**
 * In the task list item: says that the task's video call goes on, so an agent working on another
 * task knows the customer still sees and hears them. Renders nothing otherwise.
 */
export function LiveBadge({ task, dock }: { task?: ITask; dock: PanelDock }) {
  const live = useDockSnapshot(dock).live.has(task?.taskSid ?? '');
  if (!live) return null;
  return (
    <span style={badgeStyle} role="status" title="The video call on this task is live">
      <LiveDot />
      Video live
    </span>
  );
}
