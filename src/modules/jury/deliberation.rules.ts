/** The jury's final decision on a dossier and the level the platform suggests beside it. Pure, no I/O. */

export const RATIONALE_MAX = 2000;
