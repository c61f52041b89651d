/** French texts of the charts shared by every module. */
export const chartMessages = {
  legend: 'Légende',
  total: 'Total',
  noValue: 'Aucune donnée',
  /** Added to every chart’s description: the figures are also given as text. */
  seeTable: 'Les valeurs exactes figurent dans le tableau qui suit le graphique.',
} as const;
