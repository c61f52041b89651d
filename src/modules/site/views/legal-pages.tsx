import { Layout } from '../../../platform/views/layout.tsx';
import type { OrganisationSettings } from '../../organisation/organisation-settings.rules.ts';
import { legalPagesMessages } from '../legal-pages.messages.ts';

const c = legalPagesMessages.contact;
const l = legalPagesMessages.legal;

/** A postal address as typed (one line or several), line breaks kept. */
export function PostalAddress(props: { text: string }) {
  const lines = props.text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return (
    <address>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </address>
  );
}

/** The organiser's ways to be reached: e-mail, phone, postal address. */
export function OrganiserContacts(props: { settings: OrganisationSettings }) {
  const s = props.settings;
  return (
    <dl class="facts">
      <div>
        <dt>{c.email}</dt>
        <dd>
          <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
        </dd>
      </div>
      {s.phone ? (
        <div>
          <dt>{c.phone}</dt>
          <dd>
            <a href={`tel:${s.phone.replace(/[^+0-9]/g, '')}`}>{s.phone}</a>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{c.address}</dt>
        <dd>
          <PostalAddress text={s.postalAddress} />
        </dd>
      </div>
    </dl>
  );
}

/** /contact: who runs the label and how to reach them, and where each kind of question goes. */
export function ContactPage(props: { settings: OrganisationSettings }) {
  const s = props.settings;
  return (
    <Layout title={c.title} description={c.description(s.organiserName)} breadcrumb={[{ href: '/contact', label: c.title }]}>
      <h1>{c.title}</h1>
      <p class="lead">{c.lead(s.labelName, s.organiserName)}</p>
      <section class="section" aria-labelledby="titre-organisateur">
        <h2 id="titre-organisateur">{s.organiserName}</h2>
        <OrganiserContacts settings={s} />
      </section>
      <section class="section" aria-labelledby="titre-demandes">
        <h2 id="titre-demandes">{c.topicsTitle}</h2>
        <ul>
          <li>{c.personalData(<a href="/donnees-personnelles">{c.personalDataPage}</a>)}</li>
          <li>{c.accessibility(<a href="/accessibilite">{c.accessibilityPage}</a>)}</li>
          <li>{c.account}</li>
        </ul>
      </section>
    </Layout>
  );
}

/** /mentions-legales: publisher, publication director, host, reuse of the contents. */
export function LegalNoticePage(props: { settings: OrganisationSettings }) {
  const s = props.settings;
  return (
    <Layout title={l.title} description={l.description(s.organiserName)} breadcrumb={[{ href: '/mentions-legales', label: l.title }]}>
      <h1>{l.title}</h1>
      <section class="section" aria-labelledby="titre-editeur">
        <h2 id="titre-editeur">{l.publisherTitle}</h2>
        <p>{s.organiserName}</p>
        <OrganiserContacts settings={s} />
        <p>
          <a href="/contact">{l.contactLink}</a>
        </p>
      </section>
      <section class="section" aria-labelledby="titre-directeur">
        <h2 id="titre-directeur">{l.directorTitle}</h2>
        <p>{s.publicationDirector}</p>
      </section>
      <section class="section" aria-labelledby="titre-hebergeur">
        <h2 id="titre-hebergeur">{l.hostTitle}</h2>
        <p>{s.hostName}</p>
        <PostalAddress text={s.hostAddress} />
      </section>
      <section class="section" aria-labelledby="titre-reutilisation">
        <h2 id="titre-reutilisation">{l.reuseTitle}</h2>
        <p>{l.reuse(<a href="/open-data">{l.openDataLink}</a>)}</p>
        <h3>{l.sourcesTitle}</h3>
        <p>{l.sources}</p>
      </section>
      <section class="section" aria-labelledby="titre-vie-privee">
        <h2 id="titre-vie-privee">{l.privacyTitle}</h2>
        <p>{l.privacy(<a href="/donnees-personnelles">{l.personalDataLink}</a>, <a href="/accessibilite">{l.accessibilityLink}</a>)}</p>
      </section>
    </Layout>
  );
}
