import type { ComponentChildren } from 'preact';
import { PostForm } from './components.tsx';
import { platformMessages } from './messages.ts';
import type { NavigationItem } from '../module.ts';
import { usePage } from './page-context.ts';
import { assetUrl } from '../http/static-assets.ts';

const isCurrent = (item: NavigationItem, path: string) => (item.current ? item.current(path) : path === item.href || path.startsWith(item.href + '/'));

const m = platformMessages.layout;

export type LayoutProps = {
  title: string;
  children: ComponentChildren;
  /** Short description for search engines and link previews. */
  description?: string;
  /** Extra scripts (small islands of enhancement), loaded deferred. */
  scripts?: string[];
  breadcrumb?: { href: string; label: string }[];
  /** An Atom feed of what the page lists, announced to feed readers. */
  alternate?: { href: string; title: string };
};

export function Layout(props: LayoutProps) {
  const { user, path, navigation, frame } = usePage();
  const title = props.title === platformMessages.siteName ? props.title : m.documentTitle(props.title);
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0a3d40" />
        <title>{title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={assetUrl('/static/css/arobase.css')} />
        <link rel="icon" href={assetUrl('/static/favicon.svg')} type="image/svg+xml" />
        {props.alternate ? <link rel="alternate" type="application/atom+xml" href={props.alternate.href} title={props.alternate.title} /> : null}
        {(props.scripts ?? []).map((src) => (
          <script key={src} src={assetUrl(src)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          {m.skipLink}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="brand" href="/" aria-label={m.brandLabel}>
              <span class="brand__mark" aria-hidden="true">
                @
              </span>
              <span class="brand__text">
                <span class="brand__name">{platformMessages.siteName}</span>
                <span class="brand__tagline">{m.tagline}</span>
              </span>
            </a>
            <nav class="site-nav" aria-label={m.mainNav}>
              <ul>
                {navigation
                  .filter((item) => !item.visibleTo || item.visibleTo(user))
                  .map((item) =>
                    item.method === 'post' ? (
                      <li key={item.href}>
                        <PostForm action={item.href} class="inline-form">
                          <button type="submit" class="link-button">
                            {item.label}
                          </button>
                        </PostForm>
                      </li>
                    ) : (
                      <li key={item.href}>
                        <a href={item.href} aria-current={isCurrent(item, path) ? 'page' : undefined}>
                          {item.label}
                        </a>
                      </li>
                    ),
                  )}
              </ul>
            </nav>
          </div>
        </header>
        {props.breadcrumb?.length ? (
          <nav class="container breadcrumb" aria-label={m.breadcrumb}>
            <ol>
              <li>
                <a href="/">{m.home}</a>
              </li>
              {props.breadcrumb.map((b, i, trail) => (
                <li key={b.href}>{i === trail.length - 1 ? <span aria-current="page">{b.label}</span> : <a href={b.href}>{b.label}</a>}</li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="contenu" class="container main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <nav aria-label={m.footerNav}>
              <ul class="site-footer__links">
                {m.footerLinks.map((link) => (
                  <li key={link.href}>
                    <a href={link.href}>{link.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav aria-label={m.footerLegalNav}>
              <ul class="site-footer__links site-footer__links--legal">
                {m.footerLegalLinks.map((link) => (
                  <li key={link.href}>
                    <a href={link.href}>{link.label}</a>
                  </li>
                ))}
                <li>
                  <a href="/accessibilite">{frame ? m.accessibility(frame.accessibility) : m.accessibilityLink}</a>
                </li>
              </ul>
            </nav>
            <p>
              {m.footer}
              {frame ? ` ${m.organisedBy(frame.organiserName)}` : null}
            </p>
            <p class="site-footer__small">{m.footerData}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
