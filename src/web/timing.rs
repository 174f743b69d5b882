//! User Timing marks around work worth measuring (saves), read by the benchmark from
//! `performance.getEntriesByName`; they cost next to nothing when nobody reads them.

pub fn measure<R>(name: &str, work: impl FnOnce() -> R) -> R {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        // Keep only the latest, so a long session does not pile entries up.
        p.clear_marks_with_mark_name(&start);
    }
    result
}
