import type { Referential } from '../../referential/referential.service.ts';
import { PostForm } from '../../../platform/views/components.tsx';
import type { Sheet } from '../initiative-sheet.service.ts';
import { initiativeMessages } from '../messages.ts';
import { Checkbox } from './form-controls.tsx';

// Two parts of the sheet's edit form (initiative-form-page.tsx) that stand on their own.

const m = initiativeMessages;
const f = m.form;

/** The sheet's state and the actions that change it, above the form. */
export function SheetStatusBar(props: { sheet: Sheet; base: string }) {
  const { sheet } = props;
  const action = `${props.base}/initiatives/${sheet.id}`;
  return (
    <div class="status-bar">
      <p>
        <span class={`badge badge--${sheet.visibility}`}>{m.visibilities[sheet.visibility]}</span> <a href={`/initiatives/${sheet.id}`}>{f.viewPublic}</a>
      </p>
      <div class="status-bar__actions">
        {sheet.visibility === 'public' ? (
          <PostForm action={`${action}/publication`} class="inline-form">
            <input type="hidden" name="visibility" value="draft" />
            <button type="submit" class="button button--secondary">
              {f.unpublish}
            </button>
          </PostForm>
        ) : null}
        <a class="button button--danger" href={`${action}/supprimer`}>
          {f.delete}
        </a>
      </div>
    </div>
  );
}

/**
 * Every service of the current referential, by axis and theme; works without JavaScript. The axes
 * stay folded (the chosen services are named above them), so the form stays short; with
 * JavaScript (public/js/service-picker.js) a filter finds a service as you type and the counts follow
 * the ticks.
 */
export function ServicePicker(props: { referential: Referential; chosen: string[]; sheet?: Sheet }) {
  const chosen = new Set(props.chosen);
  const offered = new Set(props.referential.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => s.id))));
  // A sheet keeps the services retired since they were chosen, until someone unticks them.
  const retired = props.chosen.filter((id) => !offered.has(id));
  const retiredNames = new Map((props.sheet?.services ?? []).map((s) => [s.id, s.name]));
  const names = new Map(props.referential.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => [s.id, s.name] as const))));
  const chosenNames = props.chosen.map((id) => names.get(id) ?? retiredNames.get(id) ?? id);
  return (
    <div
      class="service-picker"
      data-chosen-none={f.chosenServices(0, [])}
      data-chosen-one={f.chosenServices(1, ['{noms}'])}
      data-chosen-many={f.chosenServices(2, ['{noms}']).replace('2', '{n}')}
      data-axis-one={f.axisCount(1)}
      data-axis-many={f.axisCount(2).replace('2', '{n}')}
      data-matches-none={f.serviceMatches(0)}
      data-matches-one={f.serviceMatches(1)}
      data-matches-many={f.serviceMatches(2).replace('2', '{n}')}
    >
      <p class="service-picker__chosen" id="services-choisis" aria-live="polite">
        {f.chosenServices(chosenNames.length, chosenNames)}
      </p>
      <div class="field service-picker__filter" hidden>
        <label for="filtre-services">{f.serviceFilter}</label>
        <p class="field__hint" id="filtre-services-aide">
          {f.serviceFilterHint}
        </p>
        <input type="search" id="filtre-services" autocomplete="off" aria-describedby="filtre-services-aide" aria-controls="liste-services" />
        <p class="service-picker__matches" role="status"></p>
      </div>
      <div id="liste-services">
        {retired.length ? (
          <fieldset class="subfieldset">
            <legend>{f.retiredServices}</legend>
            {retired.map((id) => (
              <Checkbox id={`service-${id}`} name="serviceIds" value={id} checked label={retiredNames.get(id) ?? id} />
            ))}
          </fieldset>
        ) : null}
        {props.referential.axes.map((axis) => {
          const count = axis.themes.reduce((n, theme) => n + theme.services.filter((s) => chosen.has(s.id)).length, 0);
          return (
            <details>
              <summary>
                {axis.name} <span class="service-picker__axis-count">{f.axisCount(count)}</span>
              </summary>
              {axis.themes.map((theme) => (
                <fieldset class="subfieldset">
                  <legend>{theme.name}</legend>
                  {theme.services.map((service) => (
                    <Checkbox
                      id={`service-${service.id}`}
                      name="serviceIds"
                      value={service.id}
                      checked={chosen.has(service.id)}
                      label={service.name}
                      description={service.description}
                    />
                  ))}
                </fieldset>
              ))}
            </details>
          );
        })}
      </div>
    </div>
  );
}
