// On the /usercallback page: tell the playground window (if it opened this one) to check
// isAuthValid() again, and close this window when asked.

document.addEventListener('DOMContentLoaded', () => {
  if (window.opener && !window.opener.closed)
    window.opener.postMessage('jobber-authorized', window.location.origin);
  const close = document.getElementById('close-window');
  if (close) {
    close.hidden = !window.opener;
    close.addEventListener('click', () => window.close());
  }
});
