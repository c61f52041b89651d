import { formatNumber } from '../../platform/views/format.ts';
import type { PublicInitiativeCard } from '../initiatives/public-initiatives.service.ts';
import { ACTOR_NAME_MAX, ACTOR_NAME_MIN, type ActorKind } from './actor.rules.ts';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** "12 mars 2026". */
export const formatDate = (date: Date) => dateFormat.format(date);

/** French texts of the actors module: the actor page, input checks and API messages. */
export const actorMessages = {
  kinds: {
    company: 'Entreprise',
    association: 'Association',
    public_body: 'Organisme public',
  } satisfies Record<ActorKind, string>,
  /** Statuses of initiatives as listed on an actor's page. */
  statuses: {
    planned: 'En projet',
    in_progress: 'En cours',
    done: 'Réalisée',
    abandoned: 'Abandonnée',
  } satisfies Record<PublicInitiativeCard['status'], string>,
  fieldLabels: { name: 'Nom', kind: 'Type', website: 'Site web', siren: 'SIREN' },
  input: {
    nameRequired: 'le nom est obligatoire',
    nameTooShort: `doit contenir au moins ${ACTOR_NAME_MIN} caractères`,
    nameTooLong: `doit contenir au plus ${ACTOR_NAME_MAX} caractères`,
    nameWithoutLetter: 'doit contenir au moins une lettre ou un chiffre',
    kindInvalid: 'doit valoir company (entreprise), association ou public_body (organisme public)',
    websiteInvalid: 'doit être une adresse web en http:// ou https://, par exemple https://www.exemple.fr',
    sirenFormat: 'doit comporter 9 chiffres, par exemple 552 100 554',
    sirenChecksum: "n'est pas un numéro SIREN valide : vérifiez les chiffres",
    notText: 'doit être un texte',
  },
  page: {
    description: (kindLabel: string, name: string) => `${kindLabel} ${name} : les initiatives numériques des territoires auxquelles il participe.`,
    identity: 'Identité',
    kind: 'Type',
    website: 'Site web',
    siren: 'SIREN',
    initiativesTitle: 'Initiatives publiques',
    initiativeCount: (initiatives: number, territories: number) =>
      `${formatNumber(initiatives)} initiative${initiatives > 1 ? 's' : ''} publique${initiatives > 1 ? 's' : ''} dans ${formatNumber(territories)} territoire${territories > 1 ? 's' : ''}`,
    territoryInitiatives: (n: number) => `${formatNumber(n)} initiative${n > 1 ? 's' : ''}`,
    themes: 'Enjeux',
    publishedOn: (date: string) => `publiée le ${date}`,
    noInitiative: "Aucune initiative publique ne mentionne encore cet acteur.",
    noInitiativeHelp:
      "Vous travaillez avec lui dans votre territoire ? Ajoutez-le comme partenaire de vos fiches d'initiative depuis votre espace : il apparaîtra ici dès leur publication.",
    findTerritory: 'Chercher un territoire',
  },
  notFound: "Aucun acteur ne correspond à ce lien. Il a peut-être été fusionné avec un autre ou le lien est incomplet.",
  api: {
    searchSummary: 'Chercher des acteurs (entreprises, associations, organismes publics)',
    detailsSummary: "Fiche d'un acteur",
    createSummary: "Ajouter un acteur, ou retrouver celui qui porte déjà ce nom",
    notFound: (id: string) => `Aucun acteur ne porte l'identifiant « ${id} ».`,
    badId: 'doit être un identifiant (UUID), par exemple 3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a6c3b',
    queryTooLong: 'au plus 200 caractères',
    limitInvalid: 'doit être un nombre entier entre 1 et 50',
  },
} as const;
