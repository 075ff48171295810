// Shows a form field only while the field its Camunda Form condition names has the right value, and
// disables it while hidden so that it is not sent. Without this script every field shows, with a note.
// Also: print buttons.
(function () {
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-show-key]').forEach(function (field) {
      var form = field.closest('form');
      var update = function () {
        var input = form.elements[field.dataset.showKey];
        var value = !input ? '' : input.type === 'checkbox' ? String(input.checked) : input.value;
        var shown = (value === field.dataset.showValue) === (field.dataset.showEqual === 'true');
        field.hidden = !shown;
        field.querySelectorAll('input, select, textarea').forEach(function (element) {
          element.disabled = !shown || form.hasAttribute('data-readonly');
        });
      };
      form.addEventListener('change', update);
      update();
    });
    // the ledger's print button; it shows only where this script runs
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  });
})();
