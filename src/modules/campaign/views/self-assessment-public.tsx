import { DataTable } from '../../../platform/views/components.tsx';
import { selfAssessmentMessages } from '../self-assessment.messages.ts';
import type { PublicSelfAssessmentSummary } from '../self-assessment.service.ts';

const m = selfAssessmentMessages.public;
const { score, percent } = selfAssessmentMessages;

/**
 * The public part of a territory's self-assessment on its page: overall, coverage and the four axes
 * in a small table (no chart: the page stays light), computed from its published sheets only.
 */
export function PublicSelfAssessmentSection(props: { name: string; summary: PublicSelfAssessmentSummary }) {
  const { summary } = props;
  const page = selfAssessmentMessages.page;
  return (
    <section aria-labelledby="titre-auto-evaluation" class="section">
      <h2 id="titre-auto-evaluation">{m.title}</h2>
      <p>{m.computedFrom(summary.sheets)}</p>
      <dl class="facts">
        <div>
          <dt>{page.overall}</dt>
          <dd>{score(summary.overall)}</dd>
        </div>
        <div>
          <dt>{page.coverage}</dt>
          <dd>{percent(summary.coverage)}</dd>
        </div>
      </dl>
      <DataTable id="legende-auto-evaluation" caption={m.caption(props.name)}>
        <thead>
          <tr>
            <th scope="col">{m.axis}</th>
            <th scope="col" class="num">
              {page.radar.series}
            </th>
            <th scope="col" class="num">
              {page.radar.coverage}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.axes.map((axis) => (
            <tr key={axis.id}>
              <th scope="row">{axis.name}</th>
              <td class="num">{score(axis.score)}</td>
              <td class="num">{percent(axis.coverage)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>
        <a href="/referentiel">{m.method}</a>
      </p>
    </section>
  );
}
