import { Notice } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { referentialMessages } from '../messages.ts';
import type { Referential, ReferentialVersionInfo } from '../referential.service.ts';
import { formatDate, ReferentialContents, ReferentialTree, responsibleDigitalCount, serviceCount } from './referential-tree.tsx';
import { editionsServed } from '../version-editions.rules.ts';

const m = referentialMessages.public;

/** The public page of a published version: what each service means, and the other versions. */
export function ReferentialPage(props: { referential: Referential; versions: ReferentialVersionInfo[]; current: string }) {
  const { referential, current } = props;
  const isCurrent = referential.version === current;
  const title = isCurrent ? m.title : m.titleOfVersion(referential.version);
  const published = props.versions.filter((v) => v.state === 'published');
  const served = (version: string) =>
    editionsServed(
      version,
      published.map((v) => v.version),
    );
  const servedHere = served(referential.version);
  const servedText = (version: string) => {
    const editions = served(version);
    return editions ? ` — ${m.servedEditions(editions.from, editions.to).replace(/^./, (c) => c.toLowerCase())}` : null;
  };
  const crumbs: { href: string; label: string }[] = [{ href: '/referentiel', label: referentialMessages.breadcrumb }];
  if (!isCurrent) crumbs.push({ href: `/referentiel/${encodeURIComponent(referential.version)}`, label: m.versionCrumb(referential.version) });
  const apiPath = isCurrent ? '/api/v1/referential' : `/api/v1/referential/${encodeURIComponent(referential.version)}`;
  return (
    <Layout title={title} description={m.description(referential.version)} breadcrumb={crumbs}>
      <h1>{title}</h1>
      <p class="lead">{m.intro}</p>
      {isCurrent ? null : (
        <Notice kind="warning">
          <p>
            {m.pastVersion(referential.version, current)} <a href="/referentiel">{m.currentLink}</a>
          </p>
        </Notice>
      )}
      <dl class="facts">
        <div>
          <dt>{m.facts.version}</dt>
          <dd>{referential.version}</dd>
        </div>
        {servedHere ? (
          <div>
            <dt>{m.facts.editions}</dt>
            <dd>{m.servedEditions(servedHere.from, servedHere.to)}</dd>
          </div>
        ) : null}
        {referential.publishedAt ? (
          <div>
            <dt>{m.facts.publishedAt}</dt>
            <dd>{formatDate(referential.publishedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{m.facts.services}</dt>
          <dd>{formatNumber(serviceCount(referential))}</dd>
        </div>
        <div>
          <dt>{m.facts.responsibleDigital}</dt>
          <dd>{formatNumber(responsibleDigitalCount(referential))}</dd>
        </div>
      </dl>
      <p>{m.responsibleDigitalHelp}</p>
      <section class="section" aria-labelledby="titre-versions">
        <h2 id="titre-versions">{m.versionsTitle}</h2>
        <p>{m.versionsIntro}</p>
        <ul>
          {published.map((v) => (
            <li key={v.version}>
              <a
                href={v.current ? '/referentiel' : `/referentiel/${encodeURIComponent(v.version)}`}
                aria-current={v.version === referential.version ? 'page' : undefined}
              >
                {m.versionItem(v.version, v.publishedAt ? formatDate(v.publishedAt) : '')}
              </a>
              {v.current ? m.inForce : null}
              {servedText(v.version)}
            </li>
          ))}
        </ul>
        <p>{m.apiHint(<a href={apiPath}>{apiPath}</a>)}</p>
      </section>
      <section class="section" aria-labelledby="titre-sommaire">
        <h2 id="titre-sommaire">{m.contentsTitle}</h2>
        <ReferentialContents referential={referential} />
      </section>
      <ReferentialTree referential={referential} serviceHref={(id) => `/initiatives?service=${encodeURIComponent(id)}`} />
    </Layout>
  );
}
