// Small behaviours the pages share; no inline scripts (the Content-Security-Policy forbids them).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('change', function (event) {
  if (event.target.matches('[data-autosubmit]')) {
    event.target.form.submit();
  }
});
document.addEventListener('click', function (event) {
  var toggler = event.target.closest('[data-toggle-target]');
  if (toggler) {
    var target = document.querySelector(toggler.getAttribute('data-toggle-target'));
    var shown = target.classList.toggle('show');
    toggler.setAttribute('aria-expanded', shown ? 'true' : 'false');
  }
});
