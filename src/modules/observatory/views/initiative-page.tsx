import { Markdown } from '../../../platform/markdown/render-markdown.ts';
import { formatDate, formatNumber, Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { actorMessages } from '../../actors/messages.ts';
import { photoUrl } from '../../initiatives/initiative-json.ts';
import type { SimilarInitiative } from '../similar-initiatives.service.ts';
import { observatoryMessages } from '../messages.ts';
import type { Sheet } from '../../initiatives/initiative-sheet.service.ts';
import { initiativeMessages } from '../../initiatives/messages.ts';
import type { InitiativeStatus } from '../../initiatives/initiative.rules.ts';

const m = initiativeMessages;
const p = m.page;

export type InitiativePageProps = {
  sheet: Sheet;
  /** Close sheets of other territories, to copy from. */
  similar: SimilarInitiative[];
  /** What the person looking may do here. */
  canEdit: boolean;
  canModerate: boolean;
  canRestore: boolean;
  notice?: string;
  errors?: Record<string, string>;
};

/** « depuis le » only for what is still under way: a finished action « lancée le », a planned one « à partir du ». */
function period(start: string | null, end: string | null, status: InitiativeStatus): string | null {
  if (start && end) return p.from(formatDate(start), formatDate(end));
  if (start)
    return status === 'in_progress' ? p.since(formatDate(start)) : status === 'planned' ? p.startingOn(formatDate(start)) : p.startedOn(formatDate(start));
  if (end) return p.until(formatDate(end));
  return null;
}

/** Themes of the sheet's services, in referential order, each with its services. */
function byTheme(sheet: Sheet) {
  const themes = new Map<string, { name: string; axis: string; services: { id: string; name: string }[] }>();
  for (const s of sheet.services) {
    const entry = themes.get(s.theme.id) ?? { name: s.theme.name, axis: s.axis.name, services: [] };
    entry.services.push({ id: s.id, name: s.name });
    themes.set(s.theme.id, entry);
  }
  return [...themes.values()];
}

export function InitiativePage(props: InitiativePageProps) {
  const { sheet } = props;
  const c = sheet.content;
  const when = period(c.startDate, c.endDate, c.status);
  const editUrl = `/espace/${sheet.territory.code}/initiatives/${sheet.id}`;
  return (
    <Layout
      title={c.title}
      description={c.summary || undefined}
      breadcrumb={[
        { href: `/territoires/${sheet.territory.code}`, label: sheet.territory.name },
        { href: `/initiatives/${sheet.id}`, label: c.title },
      ]}
    >
      <p class="eyebrow">
        <a href={`/territoires/${sheet.territory.code}`}>{sheet.territory.name}</a>
      </p>
      <h1>{c.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {sheet.deletedAt ? <Notice kind="warning">{p.deletedNotice}</Notice> : sheet.visibility === 'draft' ? <Notice kind="info">{p.draftNotice}</Notice> : null}
      {sheet.moderationReason && sheet.visibility === 'draft' ? <Notice kind="warning">{p.moderatedNotice(sheet.moderationReason)}</Notice> : null}
      {c.summary ? <p class="lead">{c.summary}</p> : null}
      <dl class="facts">
        <div>
          <dt>{p.status}</dt>
          <dd>{m.statuses[c.status]}</dd>
        </div>
        {when ? (
          <div>
            <dt>{p.period}</dt>
            <dd>{when}</dd>
          </div>
        ) : null}
        {c.audiences.length ? (
          <div>
            <dt>{p.audiences}</dt>
            <dd>{c.audiences.map((a) => m.audiences[a]).join(', ')}</dd>
          </div>
        ) : null}
        {c.responsibleDigital ? (
          <div>
            <dt>{p.responsibleDigital}</dt>
            <dd>{p.yes}</dd>
          </div>
        ) : null}
      </dl>
      {props.canEdit && !sheet.deletedAt ? (
        <p>
          <a class="button button--secondary" href={editUrl}>
            {p.edit}
          </a>
        </p>
      ) : null}

      {c.description ? (
        <section class="section" aria-labelledby="titre-description">
          <h2 id="titre-description">{m.fields.description}</h2>
          <Markdown source={c.description} />
        </section>
      ) : null}

      {sheet.photos.length ? (
        <section class="section" aria-labelledby="titre-photos">
          <h2 id="titre-photos">{m.photos.heading}</h2>
          <ul class="photo-list">
            {sheet.photos.map((photo) => (
              <li key={photo.id}>
                <a href={photoUrl(photo.id)}>
                  <img
                    src={photoUrl(photo.id, 'thumbnail')}
                    alt={photo.alt}
                    width={240}
                    height={Math.round((240 * photo.height) / photo.width)}
                    loading="lazy"
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.indicators.length ? (
        <section class="section" aria-labelledby="titre-indicateurs">
          <h2 id="titre-indicateurs">{p.indicators}</h2>
          <ul class="indicator-list">
            {c.indicators.map((i) => (
              <li>
                <span class="indicator__value">
                  {formatNumber(i.value)} {i.unit}
                </span>{' '}
                <span class="indicator__label">{i.label}</span>
                {i.date ? <span class="indicator__date"> ({p.indicatorOn(formatDate(i.date))})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section class="section" aria-labelledby="titre-enjeux">
        <h2 id="titre-enjeux">{p.themes}</h2>
        <p class="muted">{observatoryMessages.sheetServices.hint}</p>
        <ul class="theme-list">
          {byTheme(sheet).map((theme) => (
            <li>
              <strong>{theme.name}</strong> <span class="muted">({theme.axis})</span>
              <ul>
                {theme.services.map((s) => (
                  <li key={s.id}>
                    <a href={`/initiatives?service=${encodeURIComponent(s.id)}`}>{s.name}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      {sheet.actors.length ? (
        <section class="section" aria-labelledby="titre-acteurs">
          <h2 id="titre-acteurs">{p.actors}</h2>
          <ul>
            {sheet.actors.map((a) => (
              <li>
                <a href={`/acteurs/${a.id}`}>{a.name}</a>{' '}
                <span class="muted">({actorMessages.kinds[a.kind as keyof typeof actorMessages.kinds] ?? a.kind})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.links.length ? (
        <section class="section" aria-labelledby="titre-liens">
          <h2 id="titre-liens">{p.links}</h2>
          <ul>
            {c.links.map((l) => (
              <li>
                <a href={l.url} rel="nofollow noopener">
                  {l.label || l.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.contactName || c.contactEmail ? (
        <section class="section" aria-labelledby="titre-contact">
          <h2 id="titre-contact">{p.contact}</h2>
          <p>
            {c.contactName}
            {c.contactName && c.contactEmail ? ' — ' : null}
            {c.contactEmail ? <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a> : null}
          </p>
        </section>
      ) : null}

      <p class="muted">{p.updated(formatDate(sheet.updatedAt))}</p>

      {props.similar.length ? (
        <section class="section" aria-labelledby="titre-similaires">
          <h2 id="titre-similaires">{observatoryMessages.similar.title}</h2>
          <ul class="card-list">
            {props.similar.map((s) => (
              <li key={s.id} class="card">
                <h3 class="card__title">
                  <a href={`/initiatives/${s.id}`}>{s.title}</a>
                </h3>
                <p class="card__meta">
                  {s.territory.name}
                  {s.sharedServices ? ` · ${observatoryMessages.similar.shared(s.sharedServices)}` : ''}
                </p>
                {s.summary ? <p>{s.summary}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {props.canModerate && sheet.visibility === 'public' && !sheet.deletedAt ? (
        <section class="section" aria-labelledby="titre-moderation">
          <h2 id="titre-moderation">{p.moderate}</h2>
          <PostForm action={`/initiatives/${sheet.id}/moderation`}>
            <div class={props.errors?.reason ? 'field field--error' : 'field'}>
              <label for="champ-reason">{p.moderateReason}</label>
              {props.errors?.reason ? (
                <p class="field__error" id="champ-reason-erreur">
                  {props.errors.reason}
                </p>
              ) : null}
              <textarea
                id="champ-reason"
                name="reason"
                rows={3}
                aria-invalid={props.errors?.reason ? 'true' : undefined}
                aria-describedby={props.errors?.reason ? 'champ-reason-erreur' : undefined}
              />
            </div>
            <button type="submit" class="button button--danger">
              {p.moderate}
            </button>
          </PostForm>
        </section>
      ) : null}
      {props.canRestore && sheet.deletedAt ? (
        <PostForm action={`/initiatives/${sheet.id}/restauration`}>
          <button type="submit" class="button">
            {p.restore}
          </button>
        </PostForm>
      ) : null}
    </Layout>
  );
}
