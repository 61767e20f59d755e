// Host page behaviour: switching user or theme reloads the page as that user or in that theme.
document.querySelectorAll('[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () {
    select.form.submit();
  });
});
