/* arobase : enregistrement automatique d'un brouillon (sans JavaScript, le bouton Enregistrer suffit).
   Textes : data-saving, data-saved ({heure}), data-failed. */
(() => {
  'use strict';
  const status = document.querySelector('form [data-autosave]');
  if (!status || !window.fetch) return;
  const form = status.closest('form');
  const d = status.dataset;
  const FAILED = d.failed || "L'enregistrement automatique a échoué ; utilisez le bouton Enregistrer.";
  const SKIP = /^newActor/; // acteurs créés par Enregistrer seulement
  let timer = 0,
    busy = false,
    again = false,
    stopped = false,
    held = null;

  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const body = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && !SKIP.test(name)) params.append(name, value);
    return params;
  };

  function save() {
    timer = 0;
    if (stopped) return;
    if (busy) return void (again = true);
    busy = true;
    again = false;
    say(d.saving || 'Enregistrement…');
    fetch(d.autosave, { method: 'POST', body: body(), headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then((res) =>
        res.json().then(
          (data) => [res, data || {}],
          () => [res, {}],
        ),
      )
      .then(([res, data]) => {
        if (res.ok && data.version !== undefined) {
          form.elements.version.value = data.version;
          const at = new Date(data.savedAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
          say((d.saved || 'Brouillon enregistré à {heure}.').replace('{heure}', at));
        } else {
          // 409 : version d'un autre ; le bouton Enregistrer montrera les deux.
          if (res.status === 409) stopped = true;
          say((stopped && data.message) || FAILED);
        }
      })
      .catch(() => say(FAILED))
      .then(() => {
        busy = false;
        if (held) send();
        else if (again) save();
      });
  }

  // Envoyé pendant un enregistrement, le formulaire part après, avec la nouvelle version.
  function send() {
    const button = held;
    held = null;
    stopped = true;
    if (button.name) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: button.name, value: button.value }));
    HTMLFormElement.prototype.submit.call(form);
  }

  const changed = ({ target }) => {
    if (stopped || target.type === 'file' || SKIP.test(target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(save, 2500);
  };
  for (const type of ['input', 'change']) form.addEventListener(type, changed);
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (!busy) return void (stopped = true);
    event.preventDefault();
    if (held) return;
    const button = event.submitter || document.activeElement;
    held = button && button.type === 'submit' ? button : {};
    setTimeout(() => held && send(), 5000);
  });
})();
