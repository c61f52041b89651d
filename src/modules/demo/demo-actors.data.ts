// The partners the seed articles name, for the demo sheets: real organisations, with what the actors
// module keeps of them (name, kind, website). A sheet names them by their key below.

export type DemoActor = { name: string; kind: 'company' | 'association' | 'public_body'; website?: string };

export const DEMO_ACTORS = {
  ecologic: { name: 'Ecologic', kind: 'company', website: 'https://www.ecologic-france.com' },
  qwant: { name: 'Qwant', kind: 'company', website: 'https://www.qwant.com' },
  lisio: { name: 'Lisio', kind: 'company', website: 'https://www.lisio.fr' },
  soluris: { name: 'Soluris', kind: 'public_body', website: 'https://www.soluris.fr' },
  aptic: { name: 'APTIC', kind: 'company', website: 'https://www.aptic.fr' },
  sensingVision: { name: 'Sensing Vision', kind: 'company' },
  ademe: { name: 'ADEME', kind: 'public_body', website: 'https://www.ademe.fr' },
  inr: { name: 'Institut du Numérique Responsable', kind: 'association', website: 'https://institutnr.org' },
  ccasTrelaze: { name: 'CCAS de Trélazé', kind: 'public_body' },
  ccasTrilport: { name: 'CCAS de Trilport', kind: 'public_body' },
  aideDomicileTrilport: { name: 'Association d’aide à domicile de Trilport', kind: 'association' },
} satisfies Record<string, DemoActor>;

export type DemoActorKey = keyof typeof DEMO_ACTORS;
