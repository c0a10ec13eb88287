// A split build (SPLIT=1, which the Makefile sets for the app's bundles) cuts the app's wasm
// into a main module and chunks loaded on first use (src/ui/lazy_page.rs): wasm-split needs
// the link's relocations, and the code declares its split points only under cfg(nscl_split).
// A build-script link argument and cfg touch only this crate, so the dependencies keep their
// fingerprints (RUSTFLAGS would rebuild them all), and a build without SPLIT (the native and
// wasm-bindgen tests) is one ordinary module.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(nscl_split)");
    println!("cargo:rerun-if-env-changed=SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var("SPLIT").is_ok_and(|v| v == "1") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
        println!("cargo:rustc-cfg=nscl_split");
    }
}
