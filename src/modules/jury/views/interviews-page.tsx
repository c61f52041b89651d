import { Layout } from '../../../platform/views/layout.tsx';
import { LevelSigns } from '../../label/views/level.tsx';
import { interviewsMessages } from '../interviews.messages.ts';
import type { PublicInterview } from '../interviews.service.ts';

const m = interviewsMessages;
/** The widest a photo is drawn, in CSS pixels (the stylesheet narrows it further on small screens). */
const PHOTO_WIDTH = 480;

export const interviewsPath = (year: number) => `/palmares/${year}/entretiens`;
export const interviewPhotoPath = (year: number, territoryCode: string) => `${interviewsPath(year)}/${encodeURIComponent(territoryCode)}/photo`;
/** The anchor of a territory's interview in the edition's list. */
export const interviewAnchor = (territoryCode: string) => `entretien-${territoryCode}`;

/** A text typed by the territory or the jury: its paragraphs (blank lines part them). */
function Paragraphs(props: { text: string }) {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={String(index)}>{paragraph}</p>
      ))}
    </>
  );
}

/**
 * One interview, under a heading its page writes: the level obtained drawn as @, the photo with its
 * description, the questions and their answers, then the jury's public comment. Shared by the
 * edition's list and the territory's page.
 */
export function InterviewBody(props: { interview: PublicInterview }) {
  const { interview } = props;
  const { photo } = interview;
  const width = photo ? Math.min(PHOTO_WIDTH, photo.width) : 0;
  return (
    <div class="prose interview">
      <p class="interview__level">
        {m.interview.level} <LevelSigns level={interview.level} />
      </p>
      {photo ? (
        <p class="interview__photo">
          <img
            src={interviewPhotoPath(interview.year, interview.territory.code)}
            alt={photo.alt}
            width={width}
            height={Math.max(1, Math.round((width * photo.height) / Math.max(1, photo.width)))}
            loading="lazy"
          />
        </p>
      ) : null}
      <dl class="interview__answers">
        {interview.answers.map((a) => (
          <div key={a.questionId}>
            <dt>{a.question}</dt>
            <dd>
              <Paragraphs text={a.answer} />
            </dd>
          </div>
        ))}
      </dl>
      {interview.publicComment ? (
        <figure class="interview__jury">
          <figcaption>
            <strong>{m.interview.juryComment}</strong>
          </figcaption>
          <blockquote>
            <Paragraphs text={interview.publicComment} />
          </blockquote>
        </figure>
      ) : null}
    </div>
  );
}

/** /palmares/:year/entretiens: the edition's laureates that published their interview, by territory name. */
export function InterviewsPage(props: { year: number; interviews: PublicInterview[] }) {
  const { year, interviews } = props;
  return (
    <Layout
      title={m.page.title(year)}
      description={m.page.description(year)}
      breadcrumb={[
        { href: '/palmares', label: m.page.breadcrumb },
        { href: `/palmares/${year}`, label: String(year) },
        { href: interviewsPath(year), label: m.page.breadcrumbSelf },
      ]}
    >
      <h1>{m.page.title(year)}</h1>
      <p>{m.page.lead(year, interviews.length)}</p>
      {interviews.length === 0 ? <p>{m.page.noneHelp}</p> : null}
      <p>
        <a href={`/palmares/${year}`}>{m.page.palmaresLink(year)}</a>
      </p>
      {interviews.map((interview) => {
        const id = interviewAnchor(interview.territory.code);
        return (
          <section class="section" aria-labelledby={id} key={interview.territory.code}>
            <h2 id={id}>
              <a href={`/territoires/${encodeURIComponent(interview.territory.code)}`}>{interview.territory.name}</a>
            </h2>
            <InterviewBody interview={interview} />
          </section>
        );
      })}
    </Layout>
  );
}

/** The territory page's section: its public interviews, newest edition first (none: no section). */
export function TerritoryInterviewsSection(props: { interviews: PublicInterview[] }) {
  const { interviews } = props;
  if (interviews.length === 0) return null;
  return (
    <section aria-labelledby="titre-entretien" class="section">
      <h2 id="titre-entretien">{m.territory.title(interviews.length)}</h2>
      {interviews.map((interview) => (
        <article aria-labelledby={`entretien-${interview.year}`} key={String(interview.year)}>
          <h3 id={`entretien-${interview.year}`}>{m.territory.edition(interview.year)}</h3>
          <InterviewBody interview={interview} />
          <p>
            <a href={`${interviewsPath(interview.year)}#${interviewAnchor(interview.territory.code)}`}>{m.territory.allLink(interview.year)}</a>
          </p>
        </article>
      ))}
    </section>
  );
}
