/** Overlays and their saved versions as the API serves them. */
import type { Settings } from '../overlay/render';

export interface Overlay {
  id: string;
  name: string;
  channelId: string;
  settings: Settings;
  version: number;
  /** The secret URL of its OBS browser source. */
  url: string;
}

export interface Version {
  version: number;
  name: string;
  settings: Settings;
  savedAt: string;
}

export const THEMES = ['classic', 'bubbles', 'minimal'];
