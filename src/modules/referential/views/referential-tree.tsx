import { Fragment, type ComponentChildren } from 'preact';
import { referentialMessages as m } from '../messages.ts';
import type { Referential, ReferentialServiceEntry } from '../referential.service.ts';

export { formatDate } from '../../../platform/views/format.ts';

export const serviceCount = (referential: Referential) =>
  referential.axes.reduce((n, axis) => n + axis.themes.reduce((k, theme) => k + theme.services.length, 0), 0);

export const responsibleDigitalCount = (referential: Referential) =>
  referential.axes.reduce((n, axis) => n + axis.themes.reduce((k, theme) => k + theme.services.filter((s) => s.responsibleDigital).length, 0), 0);

/** The visible text mark of a responsible-digital service (not a colour alone). */
export function ResponsibleDigitalBadge() {
  return <span class="badge badge--nr">{m.responsibleDigitalBadge}</span>;
}

/** One service: its name, the responsible-digital mark, its one-line description. */
export function ServiceItem(props: { service: ReferentialServiceEntry; children?: ComponentChildren; href?: string }) {
  const s = props.service;
  return (
    <li class="result-list__item" id={`service-${s.id}`}>
      {props.href ? (
        <a class="result-list__title" href={props.href}>
          {s.name}
        </a>
      ) : (
        <span class="result-list__title">{s.name}</span>
      )}
      {s.responsibleDigital ? (
        <>
          {' '}
          <ResponsibleDigitalBadge />
        </>
      ) : null}
      <span class="result-list__meta">{s.description}</span>
      {props.children}
    </li>
  );
}

/** Links to every axis and theme of a version: the page is long. */
export function ReferentialContents(props: { referential: Referential }) {
  return (
    <nav aria-label={m.public.contentsLabel}>
      <ol>
        {props.referential.axes.map((axis) => (
          <li key={axis.id}>
            <a href={`#axe-${axis.id}`}>{axis.name}</a>
            <ul>
              {axis.themes.map((theme) => (
                <li key={theme.id}>
                  <a href={`#enjeu-${theme.id}`}>{theme.name}</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Axes (h2) → themes (h3) → services (lists), with counts. */
export function ReferentialTree(props: {
  referential: Referential;
  /** Where a service's name leads (the public page: the search on it). */ serviceHref?: (id: string) => string;
}) {
  return (
    <>
      {props.referential.axes.map((axis) => {
        const count = axis.themes.reduce((n, t) => n + t.services.length, 0);
        return (
          <section class="section" aria-labelledby={`axe-${axis.id}`} key={axis.id}>
            <h2 id={`axe-${axis.id}`}>{axis.name}</h2>
            <p class="muted">{m.public.axisCount(axis.themes.length, count)}</p>
            {axis.themes.map((theme) => (
              <Fragment key={theme.id}>
                <h3 id={`enjeu-${theme.id}`}>{theme.name}</h3>
                <p class="muted">{m.services(theme.services.length)}</p>
                <ul class="result-list" aria-labelledby={`enjeu-${theme.id}`}>
                  {theme.services.map((service) => (
                    <ServiceItem service={service} key={service.id} href={props.serviceHref?.(service.id)} />
                  ))}
                </ul>
              </Fragment>
            ))}
          </section>
        );
      })}
    </>
  );
}
