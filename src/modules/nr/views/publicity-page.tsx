import { ErrorSummary, Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { publicMessages } from '../public.messages.ts';
import type { PublicityPage as PageData } from '../publicity.service.ts';
import { PUBLICITY_PARTS } from '../strategy.rules.ts';
import { nrBreadcrumb, nrPath } from './quick-wins-page.tsx';

const m = publicMessages.publicity;

export const publicityPath = (code: string) => `${nrPath(code)}/publication`;

export type PublicityPageProps = { data: PageData; canPublish: boolean; notice?: string; errors?: Record<string, string> };

/** What the territory makes public: the four choices, and for referents the form to change them. */
export function PublicityPage(props: PublicityPageProps) {
  const { territory, choices } = props.data;
  const errors = props.errors ?? {};
  return (
    <Layout title={m.title(territory.name)} breadcrumb={nrBreadcrumb(territory, { href: publicityPath(territory.code), label: m.breadcrumb })}>
      <h1>{m.title(territory.name)}</h1>
      <ErrorSummary errors={errors} labels={m.parts} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{m.lead}</p>
      {props.canPublish ? (
        <PostForm action={publicityPath(territory.code)} class="form-section">
          <fieldset>
            <legend>{m.legend}</legend>
            {PUBLICITY_PARTS.map((part) => (
              <div class="checkbox" key={part}>
                <input
                  type="checkbox"
                  id={`champ-${part}`}
                  name={part}
                  value="on"
                  checked={choices[part]}
                  aria-invalid={errors[part] ? 'true' : undefined}
                  aria-describedby={errors[part] ? `erreur-${part}` : undefined}
                />
                <label for={`champ-${part}`}>{m.parts[part]}</label>
                {errors[part] ? (
                  <p class="field__error" id={`erreur-${part}`}>
                    {errors[part]}
                  </p>
                ) : null}
              </div>
            ))}
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="button">
              {m.save}
            </button>
          </div>
        </PostForm>
      ) : (
        <section class="section" aria-labelledby="titre-choix">
          <h2 id="titre-choix">{m.current}</h2>
          <ul>
            {PUBLICITY_PARTS.map((part) => (
              <li key={part}>
                {m.parts[part]} : <strong>{choices[part] ? m.yes : m.no}</strong>
              </li>
            ))}
          </ul>
          <p class="muted">{m.onlyReferents}</p>
        </section>
      )}
      <p>
        <a href={`/territoires/${territory.code}`}>{m.seePublic}</a>
      </p>
    </Layout>
  );
}
