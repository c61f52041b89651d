/* arobase : suggestions pendant la saisie (territoires, acteurs), en amélioration progressive.
   Sans JavaScript, les formulaires fonctionnent tels quels. */
(function () {
  'use strict';
  if (!window.fetch || !window.AbortController || !('URLSearchParams' in window)) return;

  var KINDS = {
    commune: 'commune',
    epci: 'intercommunalité',
    departement: 'département',
    region: 'région',
    company: 'entreprise',
    association: 'association',
    public_body: 'organisme public',
  };
  var MAX = 8;

  function label(item) {
    var parts = [KINDS[item.kind] || item.kind];
    if (item.department && item.kind !== 'departement') parts.push(item.department);
    return item.name + ' — ' + parts.join(', ');
  }

  function enhance(input) {
    var list = input.list || document.getElementById(input.getAttribute('list') || '');
    var endpoint = input.getAttribute('data-suggest');
    if (!list || !endpoint) return;
    // A territory picker takes "Nom (code)": the server then knows the territory for sure.
    var withCode = input.getAttribute('data-suggest-value') === 'name-code';
    var timer = 0;
    var controller = null;
    var last = '';

    function fill(items) {
      var frag = document.createDocumentFragment();
      var seen = {};
      for (var i = 0; i < items.length && frag.childNodes.length < MAX; i++) {
        var item = items[i];
        if (!item || typeof item.name !== 'string') continue;
        var text = label(item);
        if (seen[text]) continue;
        seen[text] = true;
        var option = document.createElement('option');
        option.value = withCode && typeof item.code === 'string' ? item.name + ' (' + item.code + ')' : item.name;
        option.label = text;
        option.textContent = text;
        frag.appendChild(option);
      }
      list.textContent = '';
      list.appendChild(frag);
    }

    function search(value) {
      if (controller) controller.abort();
      controller = new AbortController();
      var url = endpoint + (endpoint.indexOf('?') < 0 ? '?' : '&') + new URLSearchParams({ q: value }).toString();
      fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) {
          return res.ok ? res.json() : null;
        })
        .then(function (data) {
          if (data && Array.isArray(data.items) && input.value.trim() === value) fill(data.items);
        })
        .catch(function () {
          /* silencieux : la recherche classique reste disponible */
        });
    }

    input.addEventListener('input', function () {
      var value = input.value.trim();
      clearTimeout(timer);
      if (value === last) return;
      last = value;
      if (value.length < 2) {
        if (controller) controller.abort();
        list.textContent = '';
        return;
      }
      timer = setTimeout(function () {
        search(value);
      }, 200);
    });
  }

  function init() {
    var inputs = document.querySelectorAll('input[data-suggest]');
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
