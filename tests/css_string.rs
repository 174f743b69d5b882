//! Ids written into the board's style rules as CSS strings (`formats::css_string`).

use caseboard::formats::css_string::quoted;
use proptest::prelude::*;

/// Reads a CSS string back as CSS Syntax does: `\` then hex digits (ended by one space) is that
/// character, `\` then anything else is that character.
fn read_css_string(css: &str) -> Option<String> {
    let inner = css.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\n' => return None,
            '\\' => {
                let mut hex = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_hexdigit() && hex.len() < 6) {
                    hex.push(*d);
                    chars.next();
                }
                if hex.is_empty() {
                    out.push(chars.next()?);
                } else {
                    if chars.peek() == Some(&' ') {
                        chars.next();
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

proptest! {
    /// Any id reads back whole, and nothing in it can end the string or the rule early.
    #[test]
    fn any_id_reads_back_whole(id in "\\PC*|[\"\\\\\n\r\t{}a-f0-9 ]*") {
        let css = quoted(&id);
        prop_assert!(!css.contains('\n'));
        prop_assert_eq!(read_css_string(&css), Some(id));
    }
}

#[test]
fn quotes_and_backslashes_are_escaped() {
    assert_eq!(quoted(r#"a"b\c"#), r#""a\"b\\c""#);
    assert_eq!(quoted("line\nbreak"), "\"line\\a break\"");
}
