/** French messages of photo uploads and of their fields (re-exported by the initiatives' and the campaign's catalogues). */
export const photoMessages = {
  tooLarge: (maxMegabytes: number) => `La photo dépasse ${maxMegabytes} Mo. Réduisez-la ou choisissez-en une plus légère.`,
  tooManyPixels: (maxMegapixels: number) =>
    `La photo est trop grande (plus de ${maxMegapixels} millions de pixels). Réduisez ses dimensions avant de l'envoyer.`,
  unsupportedType: "Ce fichier n'est pas une photo au format JPEG, PNG ou WebP. Les autres formats (GIF, SVG, HEIC, PDF…) ne sont pas acceptés.",
  unreadable: 'La photo est illisible : le fichier est peut-être incomplet ou endommagé. Enregistrez-la de nouveau puis réessayez.',
  /** The photo field's hint and the description's label and hint, the same on every form with a photo. */
  fileHint: 'JPEG, PNG ou WebP, 5 Mo au plus. Les métadonnées (lieu, appareil) sont retirées.',
  alt: 'Description de la photo',
  altHint: 'Ce que montre la photo, pour les personnes qui ne la voient pas.',
} as const;
