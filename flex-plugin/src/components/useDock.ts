import { DockSnapshot, PanelDock } from '../panel-dock';
import { useExternalStore } from './useExternalStore';

/** The dock's snapshot, re-rendering on each change. */
export const useDockSnapshot = (dock: PanelDock): DockSnapshot => useExternalStore(dock);
