// The example page's own code: init the SDK from ?dsn= and wire the buttons.
const dsn = new URLSearchParams(location.search).get('dsn');
const status = document.getElementById('status');

if (dsn) {
  window.Faultline.init({ dsn, release: 'example@1.0.0', environment: 'example' });
  status.textContent = `Reporting to ${dsn.replace(/\/\/[^@]+@/, '//…@')}`;
}

function checkout(cart) {
  // A real-looking bug: reading a property of undefined.
  return cart.items.length;
}

document.getElementById('throw-error').addEventListener('click', () => {
  checkout(undefined);
});

document.getElementById('reject-promise').addEventListener('click', () => {
  Promise.reject(new Error('Payment service unavailable'));
});

document.getElementById('capture-message').addEventListener('click', () => {
  window.Faultline.captureMessage('User opened the example page', 'info');
});

// Keep ?dsn= when switching between the script-tag and the loader variants.
for (const link of document.querySelectorAll('a[href$=".html"]')) link.search = location.search;
