/* arobase : avant de quitter une page dont le formulaire a des modifications non enregistrées, le
   navigateur demande confirmation. Formulaire marqué data-leave-warning : « clean » (rien à perdre au
   chargement) ou « dirty » (il montre déjà ce qui n'est pas enregistré : erreurs, conflit, copie). */
(() => {
  'use strict';
  const forms = [...document.querySelectorAll('form[data-leave-warning]')];
  if (!forms.length) return;
  const IGNORED = new Set(['_csrf', 'version', 'intent']);
  const snapshot = (form) => {
    const params = [];
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && !IGNORED.has(name)) params.push([name, value]);
    return JSON.stringify(params);
  };
  const initial = new Map(forms.map((form) => [form, form.dataset.leaveWarning === 'dirty' ? null : snapshot(form)]));
  let leaving = false;
  // Envoyer un formulaire de la page n'est pas partir en perdant ses modifications.
  document.addEventListener('submit', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
  window.addEventListener('beforeunload', (event) => {
    if (leaving) return;
    if (forms.every((form) => initial.get(form) === snapshot(form))) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();
