import { describe, expect, it } from 'vitest';
import { PAGES, loginErrorMessage, pageFor } from './pages';

describe('pages', () => {
  it('has every feature in the navigation, admin for operators only', () => {
    expect(PAGES.map((page) => page.title)).toEqual([
      'Overview', 'Channels', 'Overlays', 'Notifications', 'Analytics', 'Clips', 'Highlights', 'Chat rooms', 'Admin',
      'Account',
    ]);
    expect(PAGES.filter((page) => page.operatorOnly).map((page) => page.path)).toEqual(['/admin']);
  });

  it('finds a page by path', () => {
    expect(pageFor('/clips')?.title).toBe('Clips');
    expect(pageFor('/nowhere')).toBeUndefined();
  });
});

describe('loginErrorMessage', () => {
  it('explains every code Stagehand sends back, and anything else generically', () => {
    expect(loginErrorMessage(null)).toBeNull();
    expect(loginErrorMessage('identity-in-use')).toContain('already linked to another Stagehand account');
    expect(loginErrorMessage('authorization_request_not_found')).toContain('try again');
    expect(loginErrorMessage('something_new')).toBe('The login did not work. Please try again.');
  });
});
