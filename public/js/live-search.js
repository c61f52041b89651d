/* arobase : les résultats de l'observatoire se mettent à jour pendant la saisie (amélioration progressive).
   Sans JavaScript, le formulaire s'envoie normalement et l'adresse reste partageable. */
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.history || !('URLSearchParams' in window)) return;
  var form = document.querySelector('form[data-live-search]');
  var results = document.getElementById('resultats');
  if (!form || !results) return;
  var timer = 0;
  var controller = null;
  var last = '';

  function query() {
    var params = new URLSearchParams();
    var data = new FormData(form);
    data.forEach(function (value, name) {
      if (value !== '') params.append(name, value);
    });
    return params.toString();
  }

  function refreshSelects(doc) {
    // The counts change with each search; the select being used keeps its options until it is left.
    var selects = form.querySelectorAll('select');
    for (var i = 0; i < selects.length; i++) {
      var select = selects[i];
      if (select === document.activeElement) continue;
      var fresh = doc.getElementById(select.id);
      if (fresh) select.innerHTML = fresh.innerHTML;
    }
  }

  function update() {
    var qs = query();
    if (qs === last) return;
    last = qs;
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var url = form.getAttribute('action') + (qs ? '?' + qs : '');
    fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin', signal: controller ? controller.signal : undefined })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('resultats');
        if (!fresh) return;
        results.innerHTML = fresh.innerHTML;
        refreshSelects(doc);
        window.history.replaceState(null, '', url);
      })
      .catch(function () {
        /* la recherche classique reste disponible */
      });
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(update, delay);
  }

  form.addEventListener('input', function (event) {
    schedule(event.target && event.target.tagName === 'SELECT' ? 0 : 400);
  });
  form.addEventListener('change', function () {
    schedule(0);
  });
  last = query();
})();
