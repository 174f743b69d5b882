//! What the fan's hands are on: a touch screen or a mouse, so help can speak of the one in use.

/// True on a device whose main pointer is a finger (a phone, a tablet): its pointer is coarse,
/// or it has touch and cannot hover.
pub fn is_touch() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let matches = |query: &str| window.match_media(query).ok().flatten().is_some_and(|m| m.matches());
    matches("(pointer: coarse)") || (window.navigator().max_touch_points() > 0 && !matches("(hover: hover)"))
}
