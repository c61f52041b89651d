import { DataTable } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { AccountDataRetention } from '../../accounts/data-retention.service.ts';
import type { OrganisationSettings } from '../../organisation/organisation-settings.rules.ts';
import { personalDataMessages as m } from '../personal-data.messages.ts';
import { PostalAddress } from './legal-pages.tsx';

/** What the platform keeps about people, why and how long: the page a French public site owes. */
export function PersonalDataPage(props: { retention: AccountDataRetention; settings: OrganisationSettings }) {
  const s = props.settings;
  return (
    <Layout title={m.title} description={m.description} breadcrumb={[{ href: '/donnees-personnelles', label: m.title }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <section class="section" aria-labelledby="titre-sans-compte">
        <h2 id="titre-sans-compte">{m.visitors.title}</h2>
        <p>{m.visitors.text}</p>
      </section>
      <section class="section" aria-labelledby="titre-compte">
        <h2 id="titre-compte">{m.account.title}</h2>
        <p>{m.account.intro}</p>
        <DataTable id="legende-donnees" caption={m.account.caption}>
          <thead>
            <tr>
              <th scope="col">{m.account.what}</th>
              <th scope="col">{m.account.why}</th>
              <th scope="col">{m.account.howLong}</th>
            </tr>
          </thead>
          <tbody>
            {m.account.rows(props.retention).map((row) => (
              <tr key={row.what}>
                <th scope="row">{row.what}</th>
                <td>{row.why}</td>
                <td>{row.howLong}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section class="section" aria-labelledby="titre-contributions">
        <h2 id="titre-contributions">{m.work.title}</h2>
        <p>{m.work.text}</p>
      </section>
      <section class="section" aria-labelledby="titre-journaux">
        <h2 id="titre-journaux">{m.logs.title}</h2>
        <p>{m.logs.text}</p>
      </section>
      <section class="section" aria-labelledby="titre-responsable">
        <h2 id="titre-responsable">{m.controller.title}</h2>
        <p>{m.controller.text(s.organiserName, s.labelName)}</p>
        <p>
          {m.controller.ask} <DpoContact contact={s.dpoContact} />
        </p>
        <p>{m.controller.address}</p>
        <PostalAddress text={s.postalAddress} />
      </section>
      <section class="section" aria-labelledby="titre-droits">
        <h2 id="titre-droits">{m.rights.title}</h2>
        <p>{m.rights.intro}</p>
        <ul>
          <li>{m.rights.download(<a href="/compte/donnees">{m.rights.downloadLink}</a>)}</li>
          <li>{m.rights.delete(<a href="/compte/supprimer">{m.rights.deleteLink}</a>)}</li>
          <li>{m.rights.rectify}</li>
        </ul>
        <p>{m.rights.complaint(<a href="https://www.cnil.fr/fr/plaintes">{m.rights.cnil}</a>)}</p>
      </section>
    </Layout>
  );
}

/** The delegate's contact: an e-mail address becomes a link, a postal address stays text. */
function DpoContact(props: { contact: string }) {
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(props.contact);
  return email ? <a href={`mailto:${props.contact}`}>{props.contact}</a> : <span>{props.contact}</span>;
}
