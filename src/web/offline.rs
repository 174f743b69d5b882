//! The service worker (`static/sw.template.js`, written into each build): registered once the
//! app runs, so a repeat visit opens at once and with no network. A new build it finds waits
//! until the fan asks for it: `on_update` is told, and [`apply_update`] swaps and reloads.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function registerWorker(onUpdate) {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  // A worker that finished installing while an older one still serves the page is a new build
  // (on a first visit there is no older one, and nothing to say).
  const watch = (worker) => worker && worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && container.controller) onUpdate();
  });
  container.register("sw.js").then((registration) => {
    if (registration.waiting && container.controller) onUpdate();
    watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
    // A tab left open for days still hears of a new build when the fan comes back to it.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  }).catch(() => {});
}

export function applyUpdate() {
  const container = navigator.serviceWorker;
  container.getRegistration().then((registration) => {
    if (!registration || !registration.waiting) return location.reload();
    container.addEventListener("controllerchange", () => location.reload(), { once: true });
    registration.waiting.postMessage("skip-waiting");
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = registerWorker)]
    fn register_worker(on_update: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_now();
}

/// Registers the service worker; `on_update` is called when a new build is ready.
pub fn register(on_update: impl Fn() + 'static) {
    let on_update = Closure::<dyn Fn()>::new(on_update);
    register_worker(&on_update);
    // The worker may find a new build at any time in the page's life.
    on_update.forget();
}

/// Lets the waiting build take over, then reloads the page on it (the page's leave handler
/// saves the board first).
pub fn apply_update() {
    apply_update_now();
}
