import { useEffect, useState } from 'react';

import { DockSnapshot, PanelDock } from '../panel-dock';

/** The dock's snapshot, re-rendering on each change (React 17: no useSyncExternalStore). */
export function useDockSnapshot(dock: PanelDock): DockSnapshot {
  const [snapshot, setSnapshot] = useState(dock.getSnapshot);
  useEffect(() => {
    const update = () => setSnapshot(dock.getSnapshot());
    update(); // a change between the first render and this effect
    return dock.subscribe(update);
  }, [dock]);
  return snapshot;
}
