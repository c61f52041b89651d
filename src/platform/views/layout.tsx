import type { ComponentChildren } from 'preact';
import { PostForm } from './components.tsx';
import { platformMessages } from './messages.ts';
import { usePage } from './page-context.ts';

const m = platformMessages.layout;

export type LayoutProps = {
  title: string;
  children: ComponentChildren;
  /** Short description for search engines and link previews. */
  description?: string;
  /** Extra scripts (small islands of enhancement), loaded deferred. */
  scripts?: string[];
  breadcrumb?: { href: string; label: string }[];
};

const NAV: { href: string; label: string }[] = [
  { href: '/palmares', label: m.palmares },
  { href: '/initiatives', label: m.initiatives },
  { href: '/territoires', label: m.territories },
  { href: '/acteurs', label: m.actors },
  { href: '/referentiel', label: m.referential },
];

export function Layout(props: LayoutProps) {
  const { user, path } = usePage();
  const title = props.title === platformMessages.siteName ? props.title : m.documentTitle(props.title);
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0a3d40" />
        <title>{title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/static/css/arobase.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {(props.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          {m.skipLink}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="brand" href="/" aria-label={m.brandLabel}>
              <span class="brand__mark" aria-hidden="true">@</span>
              <span class="brand__text">
                <span class="brand__name">{platformMessages.siteName}</span>
                <span class="brand__tagline">{m.tagline}</span>
              </span>
            </a>
            <nav class="site-nav" aria-label={m.mainNav}>
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={path === item.href || path.startsWith(item.href + '/') ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
                {user?.role === 'admin' ? (
                  <li>
                    <a href="/admin" aria-current={path.startsWith('/admin') ? 'page' : undefined}>{m.admin}</a>
                  </li>
                ) : null}
                {user ? (
                  <>
                    <li>
                      <a href="/espace" aria-current={path === '/espace' || path.startsWith('/espace/') ? 'page' : undefined}>{m.workspace}</a>
                    </li>
                    <li>
                      <a href="/compte" aria-current={path === '/compte' ? 'page' : undefined}>{m.account}</a>
                    </li>
                    <li>
                      <PostForm action="/deconnexion" class="inline-form">
                        <button type="submit" class="link-button">{m.signOut}</button>
                      </PostForm>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href="/connexion" aria-current={path === '/connexion' ? 'page' : undefined}>{m.signIn}</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        {props.breadcrumb?.length ? (
          <nav class="container breadcrumb" aria-label={m.breadcrumb}>
            <ol>
              <li><a href="/">{m.home}</a></li>
              {props.breadcrumb.map((b, i) => (
                <li key={b.href}>
                  {i === props.breadcrumb!.length - 1 ? <span aria-current="page">{b.label}</span> : <a href={b.href}>{b.label}</a>}
                </li>
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
            <p>{m.footer}</p>
            <p class="site-footer__small">{m.footerData}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
