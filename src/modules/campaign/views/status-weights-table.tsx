import { DataTable } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import type { InitiativeStatus } from '../../initiatives/initiative.rules.ts';
import { STATUSES_BY_ADVANCEMENT, type SelfAssessmentParameters } from '../self-assessment.rules.ts';
import { selfAssessmentMessages } from '../self-assessment.messages.ts';

const m = selfAssessmentMessages.page;

/** The weight of each status, most advanced first: the territory's explanation and the admin's page show the same table. */
export function StatusWeightsTable(props: { id: string; caption: string; parameters: SelfAssessmentParameters; labels: Record<InitiativeStatus, string> }) {
  return (
    <DataTable id={props.id} caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">{m.statusColumn}</th>
          <th scope="col" class="num">
            {m.weightColumn}
          </th>
        </tr>
      </thead>
      <tbody>
        {STATUSES_BY_ADVANCEMENT.map((status) => (
          <tr key={status}>
            <th scope="row">{props.labels[status]}</th>
            <td class="num">{formatNumber(props.parameters.statusWeights[status])}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
