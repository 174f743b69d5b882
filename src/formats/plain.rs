//! serde_json's error messages in words a fan can act on: "invalid type: string \"NaN\",
//! expected f64" names Rust types; the fan needs to hear "text where a number should be".

/// `message` (a serde_json error's text) said plainly; its line and column kept when it has them.
pub fn plain_json_error(message: &str) -> String {
    let (what, place) = match message.rsplit_once(" at line ") {
        Some((what, at)) => (
            what,
            at.split_once(" column ").map(|(line, column)| format!(", at line {line}, column {column}")),
        ),
        None => (message, None),
    };
    format!("{}{}", plain_what(what), place.unwrap_or_default())
}

fn plain_what(what: &str) -> String {
    if let Some(rest) = what.strip_prefix("invalid type: ").or_else(|| what.strip_prefix("invalid value: ")) {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("{} where {} should be", found_as_words(found), expected_as_words(expected));
        }
    }
    if let Some(field) = what.strip_prefix("missing field ") {
        return format!("the field {} is missing", quoted(field));
    }
    if let Some(field) = what.strip_prefix("unknown field ") {
        let field = field.split_once(", expected").map_or(field, |(field, _)| field);
        return format!("the field {} is not one it can have", quoted(field));
    }
    if let Some(rest) = what.strip_prefix("unknown variant ") {
        let variant = rest.split_once(", expected").map_or(rest, |(variant, _)| variant);
        return format!("{} is not one of the values allowed there", quoted(variant));
    }
    if let Some(field) = what.strip_prefix("duplicate field ") {
        return format!("the field {} is there twice", quoted(field));
    }
    if what.starts_with("EOF while parsing") {
        return "the text ends before the JSON does".to_string();
    }
    match what {
        "expected value" => "no JSON value where one should be".to_string(),
        "trailing characters" => "more text after the JSON ends".to_string(),
        "key must be a string" => "a name that is not in quotes".to_string(),
        "number out of range" => "a number too large".to_string(),
        "recursion limit exceeded" => "lists or objects nested too deep".to_string(),
        other => other.to_string(),
    }
}

/// "string \"NaN\"" → "the text \"NaN\"", "floating point `1.5`" → "the number 1.5".
fn found_as_words(found: &str) -> String {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(text) = value("string ") {
        return format!("the text {text}");
    }
    for number in ["integer ", "floating point "] {
        if let Some(n) = value(number) {
            return format!("the number {n}");
        }
    }
    if let Some(b) = value("boolean ") {
        return format!("the value {b}");
    }
    match found {
        "null" | "unit value" => "null".to_string(),
        "sequence" => "a list".to_string(),
        "map" => "an object".to_string(),
        other => other.to_string(),
    }
}

/// "f64" → "a number", "a sequence" → "a list", "struct FanCard" → "an object".
fn expected_as_words(expected: &str) -> String {
    let expected = expected.strip_prefix("a ").or_else(|| expected.strip_prefix("an ")).unwrap_or(expected);
    let words = match expected {
        "f64" | "f32" | "u64" | "u32" | "u16" | "u8" | "i64" | "i32" | "i16" | "i8" | "usize" => "a number",
        "string" | "borrowed string" | "char" => "text",
        "sequence" => "a list",
        "boolean" | "bool" => "true or false",
        "map" => "an object",
        other if other.starts_with("struct ") || other.starts_with("map") => "an object",
        other if other.starts_with("tuple") => "a list",
        other => return other.to_string(),
    };
    words.to_string()
}

/// A field or variant name as serde writes it (in backticks), in double quotes.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.trim_matches('`'))
}
