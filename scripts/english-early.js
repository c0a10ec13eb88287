// Put in front of the boot script by csp-loader.mjs. A page that is to open in English needs the
// English texts before it first draws (src/i18n/english.rs); asked for here, they come beside the
// wasm's download instead of after it, one round trip sooner on a slow line. The app takes the
// response from `window.nsclEnglishTexts` (src/web/english_texts.rs) and asks again if it
// failed; the language is worked out as the app does (`Lang::from_query`, `Lang::from_code`).
{
  const code = (v) => {
    v = (v || '').trim().toLowerCase();
    return ['en', 'en-us', 'en-gb'].includes(v) ? 'en' : ['vi', 'vi-vn'].includes(v) ? 'vi' : null;
  };
  let saved = null;
  try {
    saved = localStorage.getItem('nscl.lang');
  } catch {}
  // As `Lang::from_query`: the first `lang=` pair, its value as written.
  const pair = location.search.replace(/^\?+/, '').split('&').map((p) => p.split('=')).find((p) => p.length > 1 && p[0] === 'lang');
  const fromUrl = pair ? code(pair.slice(1).join('=')) : null;
  if ((fromUrl || code(saved)) === 'en') window.nsclEnglishTexts = fetch('/texts/en.json').catch(() => null);
}
