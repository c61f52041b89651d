import { resultsMessages as m } from '../messages.ts';

/** A level as @ signs, read as "5 arobases" by screen readers. */
export function LevelSigns(props: { level: number }) {
  return (
    <span class="level" data-level={props.level}>
      <span class="level__signs" aria-hidden="true">
        {m.levelSigns(props.level)}
      </span>
      <span class="visually-hidden">{m.levelLong(props.level)}</span>
    </span>
  );
}
