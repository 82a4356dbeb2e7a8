/** The dashboard's pages, in navigation order. `operatorOnly` pages are shown to operators only. */
export interface Page {
  path: string;
  title: string;
  operatorOnly?: boolean;
}

export const PAGES: Page[] = [
  { path: '/', title: 'Overview' },
  { path: '/channels', title: 'Channels' },
  { path: '/overlays', title: 'Overlays' },
  { path: '/notifications', title: 'Notifications' },
  { path: '/analytics', title: 'Analytics' },
  { path: '/clips', title: 'Clips' },
  { path: '/highlights', title: 'Highlights' },
  { path: '/rooms', title: 'Chat rooms' },
  { path: '/admin', title: 'Admin', operatorOnly: true },
  { path: '/account', title: 'Account' },
];

export function pageFor(path: string): Page | undefined {
  return PAGES.find((page) => page.path === path);
}

/** Why a login or link did not work, from the error code Stagehand put in the address. */
export function loginErrorMessage(code: string | null): string | null {
  switch (code) {
    case null:
      return null;
    case 'identity-in-use':
      return 'That account is already linked to another Stagehand account. Log in with it to use that Stagehand account instead.';
    case 'already-linked':
      return 'This Stagehand account is already linked to a different account of that provider. Unlink it first.';
    case 'access_denied':
      return 'The login was cancelled at the provider.';
    case 'authorization_request_not_found':
    case 'invalid_state_parameter':
      return 'That login link had expired or was not started here. Please try again.';
    default:
      return 'The login did not work. Please try again.';
  }
}
