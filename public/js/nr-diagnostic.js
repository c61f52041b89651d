/* arobase : enregistre le diagnostic numérique responsable au fil des réponses. Le serveur n'écrit que
   les réponses changées (leur empreinte lu.<question> diffère) et renvoie, pour chacune, sa nouvelle
   version et sa nouvelle empreinte : elles remplacent les champs cachés, la suivante part d'elles.
   Sans JavaScript, les boutons Enregistrer suffisent. Textes : data-saving, data-saved ({heure}), data-failed. */
(() => {
  'use strict';
  const status = document.querySelector('form [data-nr-autosave]');
  if (!status || !window.fetch) return;
  const form = status.closest('form');
  const d = status.dataset;
  let timer = 0,
    busy = false,
    again = false,
    stopped = false;

  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const hidden = (name) => form.querySelector(`input[type="hidden"][name="${CSS.escape(name)}"]`);

  function save() {
    timer = 0;
    if (stopped) return;
    if (busy) return void (again = true);
    again = false;
    busy = true;
    say(d.saving);
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && name !== 'action' && name !== 'theme') body.append(name, value);
    fetch(d.nrAutosave, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then((res) =>
        res.json().then(
          (data) => [res, data || {}],
          () => [res, {}],
        ),
      )
      .then(([res, data]) => {
        if (!res.ok) return say(data.message || d.failed);
        for (const [id, version] of Object.entries(data.versions || {})) {
          const field = hidden(`version.${id}`);
          if (field) field.value = String(version);
        }
        for (const [id, print] of Object.entries(data.fingerprints || {})) {
          const field = hidden(`lu.${id}`);
          if (field) field.value = print;
        }
        say(d.saved.replace('{heure}', data.time || ''));
      })
      .catch(() => say(d.failed))
      .then(() => {
        busy = false;
        if (again) save();
      });
  }

  const changed = ({ target }) => {
    if (stopped || !target.name || target.form !== form) return;
    clearTimeout(timer);
    timer = setTimeout(save, target.type === 'radio' ? 800 : 2500);
  };
  for (const type of ['input', 'change']) form.addEventListener(type, changed);
  // A button pressed: the form itself goes, with the versions as they are now (an autosave under way finishes first).
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (!busy) return void (stopped = true);
    event.preventDefault();
    const button = event.submitter;
    const wait = setInterval(() => {
      if (busy) return;
      clearInterval(wait);
      stopped = true;
      if (button && button.name) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: button.name, value: button.value }));
      HTMLFormElement.prototype.submit.call(form);
    }, 100);
  });
})();
