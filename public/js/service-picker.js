/* arobase : le choix des services d'une fiche. Sans JavaScript, les cases suffisent. Avec : un filtre
   au fil de la frappe (sans tenir compte des accents), et les nombres de services choisis à jour. */
(() => {
  'use strict';
  const picker = document.querySelector('.service-picker');
  if (!picker) return;
  const d = picker.dataset;
  const filter = picker.querySelector('.service-picker__filter');
  const input = filter.querySelector('input');
  const matches = filter.querySelector('.service-picker__matches');
  const chosen = picker.querySelector('.service-picker__chosen');
  const groups = [...picker.querySelectorAll('details')];
  const fold = (text) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const fill = (pattern, n, names) => (pattern || '').replace('{n}', n).replace('{noms}', names || '');
  const boxes = [...picker.querySelectorAll('input[name="serviceIds"]')];
  // Le texte où chercher : le service, sa description, son enjeu et son axe.
  const haystack = new Map(
    boxes.map((box) => {
      const item = box.closest('.checkbox');
      const theme = box.closest('fieldset').querySelector('legend');
      const axis = box.closest('details') && box.closest('details').querySelector('summary');
      return [item, fold([item.textContent, theme && theme.textContent, axis && axis.textContent].join(' '))];
    }),
  );

  function count() {
    const names = boxes.filter((b) => b.checked).map((b) => b.closest('.checkbox').querySelector('label').textContent.trim());
    const text = names.length === 0 ? d.chosenNone : fill(names.length === 1 ? d.chosenOne : d.chosenMany, names.length, names.join(', '));
    if (chosen.textContent !== text) chosen.textContent = text;
    for (const group of groups) {
      const n = group.querySelectorAll('input[name="serviceIds"]:checked').length;
      group.querySelector('.service-picker__axis-count').textContent = fill(n > 1 ? d.axisMany : d.axisOne, n);
    }
  }

  let opened = null; // l'état des axes avant le filtre, rendu quand il est vidé
  function apply() {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    if (words.length && !opened) opened = groups.map((g) => g.open);
    let shown = 0;
    for (const [item, text] of haystack) {
      const ok = words.every((w) => text.includes(w));
      item.hidden = !ok;
      if (ok) shown++;
    }
    for (const set of picker.querySelectorAll('#liste-services fieldset')) set.hidden = !set.querySelector('.checkbox:not([hidden])');
    groups.forEach((group, i) => {
      const any = !!group.querySelector('.checkbox:not([hidden])');
      group.hidden = !any;
      if (words.length) group.open = any;
      else if (opened) group.open = opened[i];
    });
    if (!words.length) opened = null;
    matches.textContent = words.length ? fill(shown === 0 ? d.matchesNone : shown === 1 ? d.matchesOne : d.matchesMany, shown) : '';
  }

  filter.hidden = false;
  input.addEventListener('input', apply);
  // Entrée dans le filtre n'envoie pas la fiche.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  picker.addEventListener('change', (event) => {
    if (event.target.name === 'serviceIds') count();
  });
})();
