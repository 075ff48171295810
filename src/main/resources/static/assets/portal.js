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

// Refuses a file over the documents' size limit before it is sent, with the server's own message, so that
// nobody waits for a large upload only to have it refused. The server checks the size again.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
      var form = input.form;
      var error = document.getElementById(input.id + '-error');
      form.addEventListener('submit', function (event) {
        var file = input.files && input.files[0];
        if (file && file.size > Number(input.dataset.maxBytes)) {
          event.preventDefault();
          error.textContent = input.dataset.tooLarge;
          error.hidden = false;
          form.classList.add('has-error');
          input.focus();
        }
      });
    });
  });
})();
