import { formatNumber } from '../../../platform/views/format.ts';
import { platformMessages } from '../../../platform/views/messages.ts';
import { importMessages } from '../messages.ts';

const m = importMessages.admin;

export const adminCrumb = { href: '/admin', label: platformMessages.layout.admin };
export const palmaresAdminCrumb = { href: '/admin/palmares', label: importMessages.report.breadcrumb };
export const importPath = (id: string) => `/admin/palmares/imports/${id}`;

const STEPS = [m.steps.upload, m.steps.check, m.steps.apply] as const;

/** Where the import stands: 1 Déposer, 2 Vérifier, 3 Importer (the current one marked for screen readers too). */
export function ImportSteps(props: { current: 1 | 2 | 3; /** True once the last step is done. */ finished?: boolean }) {
  return (
    <ol class="import-steps" aria-label={m.steps.label}>
      {STEPS.map((label, i) => {
        const step = i + 1;
        const done = step < props.current || (props.finished && step === props.current);
        const current = step === props.current;
        return (
          <li
            key={label}
            class={['import-steps__step', done ? 'import-steps__step--done' : '', current ? 'import-steps__step--current' : ''].filter(Boolean).join(' ')}
            aria-current={current ? 'step' : undefined}
          >
            <span class="import-steps__number" aria-hidden="true">
              {done ? '✓' : step}
            </span>
            <span class="import-steps__label">
              {label}
              <span class="visually-hidden">{done ? m.steps.done : current ? m.steps.current : ''}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Counts as the stat list of the platform shows them. */
export function CountList(props: { items: { label: string; value: number; id?: string }[]; label: string }) {
  return (
    <ul class="stat-list" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.label}>
          <span class="stat-list__value">{formatNumber(item.value)}</span> {item.id && item.value > 0 ? <a href={`#${item.id}`}>{item.label}</a> : item.label}
        </li>
      ))}
    </ul>
  );
}
