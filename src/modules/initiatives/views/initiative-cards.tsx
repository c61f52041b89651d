import { initiativeMessages } from '../messages.ts';
import type { PublicInitiativeCard } from '../public-initiatives.service.ts';

/** Public sheets as a list of cards: title, summary, status and themes. */
export function InitiativeCards(props: { cards: PublicInitiativeCard[]; showTerritory?: boolean; headingLevel?: 'h3' | 'h4' }) {
  const Heading = props.headingLevel ?? 'h3';
  return (
    <ul class="card-list">
      {props.cards.map((card) => (
        <li key={card.id} class="card">
          <Heading class="card__title">
            <a href={`/initiatives/${card.id}`}>{card.title}</a>
          </Heading>
          {props.showTerritory ? <p class="card__meta">{card.territory.name}</p> : null}
          {card.summary ? <p>{card.summary}</p> : null}
          <p class="card__meta">
            {initiativeMessages.statuses[card.status]}
            {card.themes.length ? ` · ${card.themes.map((t) => t.name).join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
