/* arobase : garde automatiquement, pour la personne seule, ce qu'elle tape dans une fiche (sa copie de
   travail, ADR 0014) ; seul le bouton Enregistrer écrit la fiche. Sans JavaScript, Enregistrer suffit.
   Textes : data-saving, data-saved ({heure}), data-failed. L'heure vient du serveur (heure de Paris). */
(() => {
  'use strict';
  const status = document.querySelector('form [data-autosave]');
  if (!status || !window.fetch) return;
  const form = status.closest('form');
  const d = status.dataset;
  const FAILED = d.failed || "L'enregistrement automatique a échoué ; utilisez le bouton Enregistrer.";
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
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
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
        // A save that writes the record itself (a dossier) answers its new version: the next one starts from it.
        // The submit form beside it carries the version too (data-autosave-version): the dossier submitted is the one seen.
        if (res.ok && data.version)
          for (const version of document.querySelectorAll('input[name="version"]'))
            if (version.form === form || version.hasAttribute('data-autosave-version')) version.value = String(data.version);
        if (res.ok && data.time) say(data.stale && data.message ? data.message : (d.saved || 'Modifications gardées à {heure}.').replace('{heure}', data.time));
        else say(data.message || FAILED);
      })
      .catch(() => say(FAILED))
      .then(() => {
        busy = false;
        if (held) send();
        else if (again) save();
      });
  }

  // Envoyé pendant un enregistrement automatique, le formulaire part après lui : la copie gardée
  // ne doit pas arriver après l'enregistrement de la fiche.
  function send() {
    const button = held;
    held = null;
    stopped = true;
    if (button.name) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: button.name, value: button.value }));
    HTMLFormElement.prototype.submit.call(form);
  }

  const changed = ({ target }) => {
    // A field placed inside but belonging to another form (form="…", the interview's photo) is not the record's.
    if (stopped || target.type === 'file' || !target.name || target.form !== form) return;
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
