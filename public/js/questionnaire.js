/* arobase : dans un questionnaire, une question conditionnelle (data-show-when = nom du champ dont
   elle dépend, data-show-when-values = réponses qui l'affichent) est masquée tant que la réponse ne
   convient pas. Sans JavaScript, tout est affiché et la phrase « À remplir si… » dit quand répondre.
   Une question masquée compte comme sans réponse pour celles qui dépendent d'elle. */
(() => {
  'use strict';
  for (const root of document.querySelectorAll('[data-questionnaire]')) {
    const form = root.closest('form') || root;
    const dependants = [...root.querySelectorAll('[data-show-when]')];
    if (!dependants.length) continue;
    const wrapperOf = (name) => {
      const field = [...form.querySelectorAll('[name]')].find((el) => el.name === name);
      return field ? field.closest('.questionnaire-question') : null;
    };
    const chosen = (name) => {
      const wrapper = wrapperOf(name);
      if (wrapper && wrapper.hidden) return [];
      return [...form.querySelectorAll('input, select')]
        .filter((el) => el.name === name && (el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value !== ''))
        .map((el) => el.value);
    };
    const update = () => {
      // In the page's order: a question depends only on earlier ones, so one pass settles chains.
      for (const question of dependants) {
        const values = question.dataset.showWhenValues.split(' ');
        question.hidden = !chosen(question.dataset.showWhen).some((v) => values.includes(v));
      }
    };
    form.addEventListener('change', update);
    update();
  }
})();
