/** Webhooks and their subscriptions as the API serves them, and the form's view of a subscription's options. */

export type WhenOffline = 'EDIT' | 'DELETE' | 'KEEP';

export interface Options {
  template: string;
  roleMentions: string[];
  languages: string[];
  titleKeywords: string[];
  announceGameChange: boolean;
  whenOffline: WhenOffline;
}

export interface Subscription {
  id: string;
  target: { kind: 'STREAMER' | 'GAME'; id: string; name: string };
  options: Options;
}

export interface Webhook {
  id: string;
  name: string;
  /** The URL with its token masked. */
  url: string;
  /** Why Discord stopped taking its messages (it answered 401 or 404); null while it is in use. */
  disabledReason: string | null;
  subscriptions: Subscription[];
}

export const WHEN_OFFLINE: Record<WhenOffline, string> = {
  EDIT: 'edit the message to say it ended',
  DELETE: 'delete the message',
  KEEP: 'leave the message',
};

/** A subscription's options as the form edits them: lists as comma-separated text. */
export interface OptionsDraft {
  template: string;
  roles: string;
  languages: string;
  keywords: string;
  whenOffline: WhenOffline;
  gameChange: boolean;
}

export const NEW_DRAFT: OptionsDraft = {
  template: '', roles: '', languages: '', keywords: '', whenOffline: 'EDIT', gameChange: false,
};

const list = (text: string) => text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');

export function draftOf(options: Options): OptionsDraft {
  return { template: options.template, roles: options.roleMentions.join(', '), languages: options.languages.join(', '),
    keywords: options.titleKeywords.join(', '), whenOffline: options.whenOffline,
    gameChange: options.announceGameChange };
}

export function optionsOf(draft: OptionsDraft): Options {
  return { template: draft.template, roleMentions: list(draft.roles), languages: list(draft.languages),
    titleKeywords: list(draft.keywords), announceGameChange: draft.gameChange, whenOffline: draft.whenOffline };
}
