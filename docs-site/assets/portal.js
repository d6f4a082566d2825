// Settings of the local portal. The static site has none; `npm start` serves its own version of this file.
window.apisPortal = {};
