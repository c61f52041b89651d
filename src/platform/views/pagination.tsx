import { Fragment } from 'preact';
import { platformMessages } from './messages.ts';

const m = platformMessages.pagination;

/**
 * Page links that keep the current filters; plain links, so they work without JavaScript. Several
 * lists on one page each give their own `param` (default `page`), `label` (distinct landmarks) and
 * `fragment` (the list's anchor, to land on it).
 */
export function Pagination(props: {
  basePath: string;
  params: URLSearchParams;
  page: number;
  total: number;
  pageSize: number;
  param?: string;
  label?: string;
  fragment?: string;
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const param = props.param ?? 'page';
  const href = (p: number) => {
    const params = new URLSearchParams(props.params);
    if (p > 1) params.set(param, String(p));
    else params.delete(param);
    const qs = params.toString();
    return `${qs ? `${props.basePath}?${qs}` : props.basePath}${props.fragment ? `#${props.fragment}` : ''}`;
  };
  const current = Math.min(props.page, pages);
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={props.label ?? m.label}>
      <p class="pagination__status">{m.status(current, pages)}</p>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={href(Math.min(props.page - 1, pages))} rel="prev">
              {m.previous}
            </a>
          </li>
        ) : null}
        {shown.map((p, i) => (
          <Fragment key={p}>
            {i > 0 && p - (shown[i - 1] ?? p) > 1 ? (
              <li aria-hidden="true" class="pagination__gap">
                …
              </li>
            ) : null}
            <li>
              {p === props.page ? (
                <span aria-current="page" class="pagination__current">
                  {p}
                </span>
              ) : (
                <a href={href(p)} aria-label={m.page(p)}>
                  {p}
                </a>
              )}
            </li>
          </Fragment>
        ))}
        {props.page < pages ? (
          <li>
            <a href={href(props.page + 1)} rel="next">
              {m.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
