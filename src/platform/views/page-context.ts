import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { NavigationItem } from '../module.ts';

export type PageUser = {
  id: string;
  email: string;
  displayName: string | null;
  role: 'admin' | 'juror' | 'member';
};

/** What every component may need from the request, without passing it through each level. */
export type PageContextValue = {
  user: PageUser | null;
  path: string;
  /** Creates the CSRF token on demand: pages without a form set no cookie. */
  csrfToken: () => string;
  /** The main menu, gathered from the modules' manifests (sorted). */
  navigation: readonly NavigationItem[];
};

export const PageContext = createContext<PageContextValue>({
  user: null,
  path: '/',
  csrfToken: () => '',
  navigation: [],
});

export const usePage = () => useContext(PageContext);
