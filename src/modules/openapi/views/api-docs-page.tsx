import { DataTable } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ApiField, ApiOperation, ApiReference, ApiTag } from '../api-reference.ts';
import { openapiMessages } from '../messages.ts';
import { OPENAPI_DOCUMENT_PATH, PUBLIC_API_PREFIX } from '../openapi-document.ts';

const m = openapiMessages.page;

const INTRO = [
  { id: 'presentation', title: m.introTitle },
  { id: 'authentification', title: m.authTitle },
  { id: 'listes', title: m.listsTitle },
  { id: 'erreurs', title: m.errorsTitle },
];

/** The public API, read from its OpenAPI document: conventions first, then each operation by tag. */
export function ApiDocsPage(props: { reference: ApiReference }) {
  const { reference } = props;
  return (
    <Layout title={m.title} description={m.description} breadcrumb={[{ href: '/api/docs', label: m.breadcrumb }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead(reference.version)}</p>

      <nav class="card api-toc" aria-labelledby="titre-sommaire">
        <h2 id="titre-sommaire">{m.toc}</h2>
        <ul>
          {INTRO.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
          {reference.tags.map((tag) => (
            <li key={tag.id}>
              <a href={`#${tag.id}`}>{m.tagTitle(tag.name)}</a> <span class="muted">({m.operationCount(tag.operations.length)})</span>
              <ul>
                {tag.operations.map((operation) => (
                  <li key={operation.id}>
                    <a href={`#${operation.id}`}>
                      <code>{`${operation.method} ${operation.path}`}</code>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      <Intro reference={reference} />

      {reference.tags.length === 0 ? <p>{m.noOperation}</p> : reference.tags.map((tag) => <TagSection key={tag.id} tag={tag} />)}
    </Layout>
  );
}

function Intro(props: { reference: ApiReference }) {
  const baseUrl = props.reference.serverUrl ?? '';
  return (
    <>
      <section class="section" aria-labelledby="presentation">
        <h2 id="presentation">{m.introTitle}</h2>
        <p>{m.intro(<code>{PUBLIC_API_PREFIX}</code>, <code>{baseUrl}</code>)}</p>
        <p>
          {m.documentText(
            <a href={OPENAPI_DOCUMENT_PATH}>
              <code>{OPENAPI_DOCUMENT_PATH}</code>
            </a>,
          )}
        </p>
      </section>
      <section class="section" aria-labelledby="authentification">
        <h2 id="authentification">{m.authTitle}</h2>
        <p>{m.authPublic}</p>
        <p>{m.authToken(<a href="/compte">{m.authAccount}</a>, <code>Authorization: Bearer arb_…</code>)}</p>
        <p>{m.authRights}</p>
      </section>
      <section class="section" aria-labelledby="listes">
        <h2 id="listes">{m.listsTitle}</h2>
        <p>{m.lists(<code>{'{ "items": [...], "total": N }'}</code>)}</p>
        <p>{m.pagination(<code>page</code>, <code>limit</code>)}</p>
      </section>
      <section class="section" aria-labelledby="erreurs">
        <h2 id="erreurs">{m.errorsTitle}</h2>
        <p>{m.errors(<code>{'{ "error", "message", "field" }'}</code>)}</p>
        <p>{m.concurrency(<code>If-Match</code>)}</p>
      </section>
    </>
  );
}

function TagSection(props: { tag: ApiTag }) {
  const { tag } = props;
  return (
    <section class="section" aria-labelledby={tag.id}>
      <h2 id={tag.id}>{m.tagTitle(tag.name)}</h2>
      {tag.operations.map((operation) => (
        <OperationSection key={operation.id} operation={operation} />
      ))}
    </section>
  );
}

function OperationSection(props: { operation: ApiOperation }) {
  const { operation } = props;
  const name = `${operation.method} ${operation.path}`;
  return (
    <section class="api-operation" aria-labelledby={operation.id}>
      <h3 id={operation.id}>
        <code>{name}</code>
      </h3>
      <p class="api-operation__summary">{operation.summary}</p>
      {operation.description ? <p>{operation.description}</p> : null}
      {operation.auth ? (
        <p>
          <span class="badge">{m.authRequired}</span> {m.authRequiredText}
        </p>
      ) : null}

      {operation.parameters.length ? (
        <>
          <h4>{m.parameters}</h4>
          <FieldTable id={`${operation.id}-parametres`} caption={m.parametersCaption(name)} fields={operation.parameters} withLocation />
        </>
      ) : null}

      {operation.body ? (
        <>
          <h4>{m.body}</h4>
          <p>{m.bodyType(operation.body.contentTypes.join(', '))}</p>
          {operation.body.fields.length ? (
            <FieldTable id={`${operation.id}-corps`} caption={m.bodyCaption(name)} fields={operation.body.fields} />
          ) : (
            <p>{m.freeBody}</p>
          )}
        </>
      ) : null}

      <h4>{m.responses}</h4>
      <DataTable id={`${operation.id}-reponses`} caption={m.responsesCaption(name)}>
        <thead>
          <tr>
            <th scope="col">{m.columns.code}</th>
            <th scope="col">{m.columns.description}</th>
          </tr>
        </thead>
        <tbody>
          {operation.responses.map((response) => (
            <tr key={response.code}>
              <th scope="row">{response.code}</th>
              <td>{response.description}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}

function FieldTable(props: { id: string; caption: string; fields: ApiField[]; withLocation?: boolean }) {
  // Three columns, so that the table stays readable on a narrow screen: where the parameter goes and
  // whether it is required are said under its name.
  return (
    <DataTable id={props.id} caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">{props.withLocation ? m.columns.name : m.columns.field}</th>
          <th scope="col">{m.columns.type}</th>
          <th scope="col">{m.columns.description}</th>
        </tr>
      </thead>
      <tbody>
        {props.fields.map((field) => (
          <tr key={`${field.in ?? ''}-${field.name}`}>
            <th scope="row">
              <code>{field.name}</code>
              <span class="api-field__meta">{m.fieldMeta(field.in, field.required)}</span>
            </th>
            <td>{field.type}</td>
            <td>{field.description || m.none}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
