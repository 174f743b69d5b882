//! Text made safe to write as a quoted CSS string: the board's style rules name cards by id
//! (`[data-from="…"]`), and an id may hold any character a board file allowed.

/// `text` as a CSS string, quotes included: quotes and backslashes escaped, and every control
/// character written as a hex escape (a raw line break would end the string).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // The space ends the escape, so a hex digit after it stays a character.
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
