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

// A table wider than its box scrolls sideways in it: the box then takes the keyboard's focus, so that it can be
// scrolled without a mouse, and is named after the section it is in for screen readers.
(function () {
  function reachable() {
    // a figure table on a phone scrolls by itself (portal.css); a table keeps its own role
    document.querySelectorAll('.table-wrap, table.figure-table').forEach(function (box) {
      var wrapper = box.tagName !== 'TABLE';
      if (box.scrollWidth > box.clientWidth + 1) {
        var heading = box.closest('section, article');
        heading = heading && heading.querySelector('h2, h3');
        box.tabIndex = 0;
        if (wrapper) {
          box.setAttribute('role', 'region');
          if (heading) {
            box.setAttribute('aria-label', heading.textContent.trim());
          }
        }
      } else if (box.hasAttribute('tabindex')) {
        box.removeAttribute('tabindex');
        if (wrapper) {
          box.removeAttribute('role');
          box.removeAttribute('aria-label');
        }
      }
    });
  }
  document.addEventListener('DOMContentLoaded', reachable);
  window.addEventListener('resize', reachable);
})();
