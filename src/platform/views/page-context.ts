import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { NavigationItem } from '../module.ts';

export type PageUser = {
  id: string;
  email: string;
  displayName: string | null;
  role: 'admin' | 'juror' | 'member';
};

/**
 * What the frame of every page says about who runs the site (the footer): given by the module that
 * keeps it (the platform knows no module), through `request.pageFrame`; absent, the footer omits it.
 */
export type PageFrame = {
  /** The RGAA compliance as the footer says it: « non conforme » until an audit. */
  accessibility: string;
  /** Who runs the label and the site. */
  organiserName: string;
};

/** What every component may need from the request, without passing it through each level. */
export type PageContextValue = {
  user: PageUser | null;
  path: string;
  /** Creates the CSRF token on demand: pages without a form set no cookie. */
  csrfToken: () => string;
  /** The main menu, gathered from the modules' manifests (sorted). */
  navigation: readonly NavigationItem[];
  frame?: PageFrame | null;
};

export const PageContext = createContext<PageContextValue>({
  user: null,
  path: '/',
  csrfToken: () => '',
  navigation: [],
});

export const usePage = () => useContext(PageContext);
