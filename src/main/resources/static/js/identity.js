// Copy buttons next to secrets that are shown once (generated passwords, new API tokens).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy-target]');
  if (!button) {
    return;
  }
  var source = document.querySelector(button.getAttribute('data-copy-target'));
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    var copied = button.getAttribute('data-copied-text');
    if (copied) {
      button.textContent = copied;
    }
  });
});
