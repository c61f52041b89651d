/** French messages of photo uploads (re-exported by the initiatives catalogue). */
export const photoMessages = {
  tooLarge: (maxMegabytes: number) => `La photo dépasse ${maxMegabytes} Mo. Réduisez-la ou choisissez-en une plus légère.`,
  tooManyPixels: (maxMegapixels: number) =>
    `La photo est trop grande (plus de ${maxMegapixels} millions de pixels). Réduisez ses dimensions avant de l'envoyer.`,
  unsupportedType: "Ce fichier n'est pas une photo au format JPEG, PNG ou WebP. Les autres formats (GIF, SVG, HEIC, PDF…) ne sont pas acceptés.",
  unreadable: 'La photo est illisible : le fichier est peut-être incomplet ou endommagé. Enregistrez-la de nouveau puis réessayez.',
} as const;
