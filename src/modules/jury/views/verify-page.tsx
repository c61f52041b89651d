import { Notice } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { LevelSigns } from '../../label/views/level.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import type { CertifiedResult } from '../certificate.service.ts';
import { deliberationMessages } from '../deliberation.messages.ts';

const m = deliberationMessages.verify;

/** /verifier/:code: the certificate is authentic (what it certifies, as published), or no certificate bears the code. */
export function VerifyPage(props: { result: CertifiedResult | null; labelName: string }) {
  const { result } = props;
  return (
    <Layout title={m.title}>
      <h1>{m.title}</h1>
      {result ? (
        <>
          <Notice kind="success">
            <strong>{m.valid}</strong>
          </Notice>
          <p>{m.lead(props.labelName)}</p>
          <dl class="facts">
            <div>
              <dt>{m.territory}</dt>
              <dd>
                <a href={`/territoires/${encodeURIComponent(result.territory.code)}`}>{result.territory.name}</a>
              </dd>
            </div>
            <div>
              <dt>{m.kind}</dt>
              <dd>{territoryMessages.kinds[result.territory.kind]}</dd>
            </div>
            <div>
              <dt>{m.edition}</dt>
              <dd>
                <a href={`/palmares/${result.year}`}>{m.edition_(result.year)}</a>
              </dd>
            </div>
            <div>
              <dt>{m.level}</dt>
              <dd>
                <LevelSigns level={result.level} />
              </dd>
            </div>
            <div>
              <dt>{m.distinctions}</dt>
              <dd>{result.distinctions.length ? result.distinctions.map((d) => d.name).join(', ') : m.noDistinction}</dd>
            </div>
            <div>
              <dt>{m.code}</dt>
              <dd>
                <code>{result.code}</code>
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <>
          <Notice kind="warning">
            <strong>{m.unknown}</strong>
          </Notice>
          <p>{m.unknownHint}</p>
        </>
      )}
    </Layout>
  );
}
