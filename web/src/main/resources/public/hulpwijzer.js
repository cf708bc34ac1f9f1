// Progressive enhancement only: every page works without this file.
// Filters apply at once when changed (the form still has its button for keyboards and no-JS).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form.search');
  if (form) {
    form.querySelectorAll('select, input[type=checkbox]').forEach(function (field) {
      field.addEventListener('change', function () { form.submit(); });
    });
  }
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
});
