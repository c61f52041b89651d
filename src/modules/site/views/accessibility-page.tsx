import { formatDate } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { organisationMessages } from '../../organisation/messages.ts';
import type { OrganisationSettings } from '../../organisation/organisation-settings.rules.ts';
import { accessibilityMessages as m } from '../accessibility.messages.ts';
import { PostalAddress } from './legal-pages.tsx';

/** /accessibilite: the RGAA statement, its sections in the order the RGAA model sets. */
export function AccessibilityPage(props: { settings: OrganisationSettings; siteUrl: string }) {
  const s = props.settings;
  const level = organisationMessages.accessibilityLevels[s.accessibilityLevel];
  return (
    <Layout title={m.title} description={m.description(level)} breadcrumb={[{ href: '/accessibilite', label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.commitment(s.organiserName)}</p>
      <p>{m.scope(<a href={props.siteUrl}>{props.siteUrl}</a>)}</p>
      <section class="section" aria-labelledby="titre-conformite">
        <h2 id="titre-conformite">{m.status.title}</h2>
        <p>
          <strong>{m.status.text(level)}</strong>{' '}
          {s.accessibilityLevel === 'non_conforme' && !s.auditDate ? m.status.reason.notAudited : m.status.reason[s.accessibilityLevel]}
        </p>
      </section>
      <section class="section" aria-labelledby="titre-resultats">
        <h2 id="titre-resultats">{m.results.title}</h2>
        {s.auditDate ? (
          <p>{m.results.audited(formatDate(s.auditDate), s.auditBy, s.complianceRate)}</p>
        ) : (
          <>
            <p>{m.results.notAudited}</p>
            <ul>
              {m.results.checks.map((check) => (
                <li>{check}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section class="section" aria-labelledby="titre-non-accessibles">
        <h2 id="titre-non-accessibles">{m.nonAccessible.title}</h2>
        <h3>{m.nonAccessible.nonCompliantTitle}</h3>
        <p>{m.nonAccessible.nonCompliant[s.accessibilityLevel]}</p>
        <h3>{m.nonAccessible.derogationsTitle}</h3>
        <p>{m.nonAccessible.derogations}</p>
        <h3>{m.nonAccessible.exemptTitle}</h3>
        <p>{m.nonAccessible.exempt}</p>
      </section>
      <section class="section" aria-labelledby="titre-etablissement">
        <h2 id="titre-etablissement">{m.established.title}</h2>
        <p>{m.established.text(formatDate(s.statementDate))}</p>
        <h3>{m.established.technologiesTitle}</h3>
        <ul>
          {m.established.technologies.map((t) => (
            <li>{t}</li>
          ))}
        </ul>
        <h3>{m.established.environmentTitle}</h3>
        <p>{m.established.environment}</p>
        <h3>{m.established.toolsTitle}</h3>
        <ul>
          {m.established.tools.map((t) => (
            <li>{t}</li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="titre-contact-accessibilite">
        <h2 id="titre-contact-accessibilite">{m.feedback.title}</h2>
        <p>{m.feedback.text(s.organiserName)}</p>
        <ul>
          <li>
            {m.feedback.email}
            <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
          </li>
          {s.phone ? (
            <li>
              {m.feedback.phone}
              {s.phone}
            </li>
          ) : null}
          <li>
            {m.feedback.address}
            <PostalAddress text={s.postalAddress} />
          </li>
        </ul>
      </section>
      <section class="section" aria-labelledby="titre-recours">
        <h2 id="titre-recours">{m.appeal.title}</h2>
        <p>{m.appeal.intro}</p>
        <p>{m.appeal.options}</p>
        <ul>
          <li>
            <a href="https://formulaire.defenseurdesdroits.fr/">{m.appeal.form}</a>
          </li>
          <li>
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues">{m.appeal.delegate}</a>
          </li>
          <li>{m.appeal.post}</li>
        </ul>
      </section>
    </Layout>
  );
}
