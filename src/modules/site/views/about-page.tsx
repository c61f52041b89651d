import { Layout } from '../../../platform/views/layout.tsx';
import type { Distinction } from '../../label/results.service.ts';
import type { ExcellenceParameters } from '../../label/results.rules.ts';
import type { OrganisationSettings } from '../../organisation/organisation-settings.rules.ts';
import type { ReferentialAxisEntry } from '../../referential/referential.service.ts';
import { aboutMessages as m } from '../about.messages.ts';

export type AboutPageProps = {
  settings: OrganisationSettings;
  axes: ReferentialAxisEntry[];
  /** The thematic mentions (not the title granted by rule, said apart). */
  mentions: Distinction[];
  excellence: { name: string; parameters: ExcellenceParameters } | null;
};

/** /a-propos: what the label is (from the referential and the distinctions in force), who runs it, how to take part, its rhythm. */
export function AboutPage(props: AboutPageProps) {
  const s = props.settings;
  const themes = props.axes.reduce((n, axis) => n + axis.themes.length, 0);
  const services = props.axes.reduce((n, axis) => n + axis.themes.reduce((k, t) => k + t.services.length, 0), 0);
  const sections = [
    { id: 'le-label', title: m.what.title },
    { id: 'organisateur', title: m.organiser.title },
    { id: 'participer', title: m.join.title },
    { id: 'calendrier', title: m.calendar.title },
  ];
  return (
    <Layout title={m.title} description={m.description(s.labelName)} breadcrumb={[{ href: '/a-propos', label: m.title }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead(s.labelName)}</p>
      <nav aria-label={m.contents}>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section class="section" aria-labelledby="le-label">
        <h2 id="le-label">{m.what.title}</h2>
        <p>{m.what.intro}</p>
        <p>{m.what.axesIntro(themes, services)}</p>
        <ol>
          {props.axes.map((axis) => (
            <li key={axis.id}>
              <strong>{axis.name}</strong>
              {axis.themes.length ? `\u00a0: ${axis.themes.map((t) => t.name).join(', ')}` : null}
            </li>
          ))}
        </ol>
        <p>
          <a href="/referentiel">{m.what.referentialLink}</a>
        </p>
        <h3>{m.what.levelsTitle}</h3>
        <p>{m.what.levels}</p>
        <h3>{m.what.distinctionsTitle}</h3>
        {props.mentions.length ? (
          <>
            <p>{m.what.distinctionsIntro}</p>
            <ul>
              {props.mentions.map((d) => (
                <li key={d.code}>
                  <strong>{d.name}</strong>
                  {d.description ? `\u00a0: ${d.description}` : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {props.excellence ? (
          <p>{m.what.excellence(props.excellence.name, props.excellence.parameters.consecutiveTopLevels, props.excellence.parameters.validityYears)}</p>
        ) : null}
        <p>
          <a href="/palmares">{m.what.palmaresLink}</a>
        </p>
      </section>
      <section class="section" aria-labelledby="organisateur">
        <h2 id="organisateur">{m.organiser.title}</h2>
        <p>{m.organiser.text(s.labelName, s.organiserName)}</p>
        <p>
          <a href="/contact">{m.organiser.contactLink}</a>
        </p>
      </section>
      <section class="section" aria-labelledby="participer">
        <h2 id="participer">{m.join.title}</h2>
        <ol>
          {m.join.steps.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
        <p>{m.join.free}</p>
      </section>
      <section class="section" aria-labelledby="calendrier">
        <h2 id="calendrier">{m.calendar.title}</h2>
        <p>{m.calendar.intro}</p>
        <ul>
          {m.calendar.steps.map((step) => (
            <li key={step.when}>
              <strong>{step.when}</strong>
              {'\u00a0: '}
              {step.what}
            </li>
          ))}
        </ul>
        <p>{m.calendar.dates}</p>
      </section>
    </Layout>
  );
}
