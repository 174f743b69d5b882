use caseboard::model::board::Arrangement;
mod support;

use caseboard::formats::caption::{band_height, Caption};
use caseboard::formats::svg::{bounds, render};
use caseboard::model::board::{Board, Confidence, FanString, Theory};
use caseboard::model::geometry::{Point, Rect};
use caseboard::model::horizon::Horizon;
use caseboard::model::layout::default_layout;
use caseboard::model::scene::{scene, Scene};
use caseboard::model::universe::Universe;
use std::collections::HashMap;
use std::sync::OnceLock;
use support::note;

struct Fixture {
    universe: Universe,
    defaults: HashMap<String, Point>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let universe = Universe::ballard().unwrap();
        let defaults = default_layout(&universe, Arrangement::Wide);
        Fixture { universe, defaults }
    })
}

fn scene_of(board: &Board) -> Scene {
    scene(board, &fixture().universe, &fixture().defaults, Horizon::Everything)
}

fn whole(scene: &Scene) -> String {
    render(scene, bounds(scene).unwrap().grown(40.0), None).svg
}

/// The words of every `<text>` element, joined by spaces: a title wrapped over two lines reads
/// whole again.
fn words(svg: &str) -> String {
    let texts = svg.split("<text").skip(1);
    let contents = texts.filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0));
    contents.collect::<Vec<_>>().join(" ")
}

/// How text appears in the SVG.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The names of the elements, in order, as `name` for a start tag and `/name` for an end tag
/// (self-closing elements give both), or an error at the first tag that does not fit.
fn tags(svg: &str) -> Result<Vec<String>, String> {
    let body = svg.strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#).ok_or("no XML declaration")?;
    let (mut open, mut all) = (Vec::new(), Vec::new());
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').ok_or("a tag never closes")? + start;
        let tag = &rest[start + 1..end];
        if tag.contains('<') {
            return Err(format!("a '<' inside the tag {tag}"));
        }
        let name: String = tag.chars().take_while(|c| !c.is_whitespace() && *c != '/').collect();
        if let Some(closing) = tag.strip_prefix('/') {
            if open.pop().as_deref() != Some(closing) {
                return Err(format!("</{closing}> closes nothing open"));
            }
            all.push(tag.to_string());
        } else {
            all.push(name.clone());
            if tag.ends_with('/') {
                all.push(format!("/{name}"));
            } else {
                open.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    if open.is_empty() {
        Ok(all)
    } else {
        Err(format!("never closed: {open:?}"))
    }
}

#[test]
fn the_default_board_shows_every_visible_title_and_no_hidden_one() {
    let mut board = Board::new("ballard", 1);
    board.hidden.insert("harry-bosch".into());
    board.hidden.insert("case-tech-cover-up".into());
    let shown = scene_of(&board);
    let svg = whole(&shown);
    assert!(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let words = words(&svg);
    for entity in &fixture().universe.entities {
        let shown = words.contains(&escaped(&entity.name));
        assert_eq!(shown, !board.hidden.contains(&entity.id), "{}", entity.name);
    }
    assert!(svg.contains(">Renée Ballard<") && svg.contains(">Maggie Q<"));
    assert!(!svg.contains("Titus Welliver"), "a hidden card's face is not drawn either");
    assert_eq!(svg.matches("stroke=\"#b3141c\" stroke-width=\"3\"").count(), shown.strings.len());
    assert!(tags(&svg).is_ok(), "{:?}", tags(&svg));
    for card in &shown.cards {
        let title = format!("<title>{}</title>", card.title.replace('&', "&amp;").replace('\'', "&apos;"));
        assert!(svg.contains(&title), "every card's whole title is in the drawing: {title}");
    }
}

#[test]
fn the_fans_words_are_escaped_and_never_markup() {
    let mut board = Board::new("ballard", 1);
    board.cards.insert(
        "n".into(),
        note("n", "<script>alert(1)</script>", "Tom & \"Jerry\" <b>'bold'</b>\u{0}\u{7}", None),
    );
    board.positions.insert("n".into(), Point::new(3000.0, 3000.0));
    let theory = Theory { id: "t".into(), name: "<i>T</i>".into(), colour: "#2a7de1".into(), visible: true };
    board.theories.insert("t".into(), theory);
    let string = FanString {
        id: "s".into(),
        from: "n".into(),
        to: "renee-ballard".into(),
        label: "</text><script>x</script>".into(),
        theory: "t".into(),
        confidence: Confidence::Debunked,
        canvas: Default::default(),
    };
    board.strings.insert("s".into(), string);
    let svg = whole(&scene_of(&board));
    // A word too long for the card is split over lines: compare without the spaces.
    let compact = words(&svg).replace(' ', "");
    assert!(compact.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(compact.contains("Tom&amp;&quot;Jerry&quot;&lt;b&gt;&apos;bold&apos;&lt;/b&gt;"));
    assert!(compact.contains("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;"));
    assert!(!svg.to_lowercase().contains("<script"), "no script element");
    assert!(!svg.contains('\u{0}') && !svg.contains('\u{7}'), "XML cannot hold control characters");
    assert!(!svg.contains("foreignObject"));
    assert!(svg.contains("stroke=\"#2a7de1\"") && svg.contains("line-through"), "a debunked theory string");
    let names = tags(&svg).unwrap();
    let allowed =
        ["svg", "defs", "pattern", "circle", "rect", "radialGradient", "stop", "g", "title", "path", "text"];
    assert!(names.iter().all(|n| allowed.contains(&n.trim_start_matches('/'))), "{names:?}");
}

#[test]
fn a_colour_that_is_not_hex_never_reaches_the_svg() {
    let mut board = Board::new("ballard", 1);
    let theory =
        Theory { id: "t".into(), name: "T".into(), colour: "red\" onload=\"alert(1)".into(), visible: true };
    board.theories.insert("t".into(), theory);
    let string = FanString {
        id: "s".into(),
        from: "harry-bosch".into(),
        to: "renee-ballard".into(),
        label: "tied".into(),
        theory: "t".into(),
        confidence: Confidence::Suspected,
        canvas: Default::default(),
    };
    board.strings.insert("s".into(), string);
    let svg = whole(&scene_of(&board));
    assert!(!svg.contains("onload") && svg.contains("stroke=\"#555555\""));
}

#[test]
fn a_view_area_leaves_out_the_cards_outside_it() {
    let mut board = Board::new("ballard", 1);
    board.cards.insert("near".into(), note("near", "Near note", "inside", None));
    board.positions.insert("near".into(), Point::new(50_000.0, 50_000.0));
    board.cards.insert("far".into(), note("far", "Far note", "outside", None));
    board.positions.insert("far".into(), Point::new(60_000.0, 60_000.0));
    let shown = scene_of(&board);
    let area = Rect { x: 49_900.0, y: 49_900.0, width: 800.0, height: 600.0 };
    let svg = render(&shown, area, None).svg;
    assert!(svg.contains(r#"width="800.0" height="600.0" viewBox="49900.0 49900.0 800.0 600.0""#));
    assert!(svg.contains("Near note") && !svg.contains("Far note"));
    assert!(!svg.contains("Renée Ballard"), "the canon cards are far from this view");
    let everything = whole(&shown);
    assert!(everything.contains("Near note") && everything.contains("Far note"));
    let b = bounds(&shown).unwrap();
    assert_eq!((b.right(), b.bottom()), (60_200.0, 60_180.0), "the bounds reach the farthest note");
}

#[test]
fn an_empty_scene_has_no_bounds_but_still_renders_cork() {
    let mut board = Board::new("ballard", 1);
    board.hidden.extend(fixture().universe.entities.iter().map(|e| e.id.clone()));
    let empty = scene_of(&board);
    assert_eq!(bounds(&empty), None);
    let svg = render(&empty, Rect { x: 0.0, y: 0.0, width: 100.0, height: 50.0 }, None).svg;
    assert!(svg.contains("url(#cork)") && tags(&svg).is_ok());
}

#[test]
fn long_words_are_wrapped_to_the_card_and_cut_where_it_ends() {
    let mut board = Board::new("ballard", 1);
    let long = format!("{} {}", "x".repeat(200), "word ".repeat(300));
    board.cards.insert("n".into(), note("n", "", &long, None));
    board.positions.insert("n".into(), Point::new(0.0, 0.0));
    board.hidden.extend(fixture().universe.entities.iter().map(|e| e.id.clone()));
    let svg = whole(&scene_of(&board));
    let lines: Vec<&str> = svg.lines().filter(|l| l.contains("font-size=\"12.5\"")).collect();
    assert!(lines.len() > 3 && lines.len() < 12, "as many lines as the note holds: {}", lines.len());
    let longest = lines.iter().map(|l| l.split('>').nth(1).unwrap().chars().count()).max().unwrap();
    assert!(longest <= 32, "a line fits the card: {longest}");
    assert!(lines.last().unwrap().contains('…'), "the cut is shown");
}

/// A board with two theories, one string each.
fn with_theories(names: &[&str]) -> Board {
    let mut board = Board::new("ballard", 1);
    for (i, name) in names.iter().enumerate() {
        let id = format!("t{i}");
        let colour = format!("#{:02x}3366", 16 * i);
        board
            .theories
            .insert(id.clone(), Theory { id: id.clone(), name: name.to_string(), colour, visible: true });
        let string = FanString {
            id: format!("s{i}"),
            from: "harry-bosch".into(),
            to: "renee-ballard".into(),
            label: String::new(),
            theory: id,
            confidence: Confidence::Likely,
            canvas: Default::default(),
        };
        board.strings.insert(format!("s{i}"), string);
    }
    board
}

#[test]
fn a_captioned_picture_says_what_it_shows_above_the_board() {
    let shown = scene_of(&with_theories(&["Billets knew", "<b>Carter</b> & co"]));
    let area = bounds(&shown).unwrap().grown(40.0);
    let caption = Caption::new("Ballard board", "Ballard", Horizon::Episode(3));
    let picture = render(&shown, area, Some(&caption));
    let band = band_height(area.width);
    assert!(band >= 88.0);
    assert_eq!(picture.size.width, area.width);
    assert_eq!(picture.size.height, area.height + band);
    assert!(picture.svg.contains(&format!(r#"viewBox="{:.1} {:.1} "#, area.x, area.y - band)));
    let said = words(&picture.svg);
    for expected in [
        "Ballard board",
        "Ballard · Watched up to episode 3",
        "The show&apos;s strings",
        "Theory: Billets knew",
    ] {
        assert!(said.contains(expected), "{expected:?} in {said}");
    }
    assert!(said.contains("Theory: &lt;b&gt;Carter&lt;/b&gt; &amp; co"), "names are escaped");
    assert!(tags(&picture.svg).is_ok());
    // without a caption, the picture is the board alone
    let plain = render(&shown, area, None);
    assert_eq!(plain.size.height, area.height);
    assert!(!words(&plain.svg).contains("Watched up to"));
}

#[test]
fn the_band_grows_with_a_wide_picture_and_its_words_stay_inside_it() {
    let names: Vec<String> = (0..9).map(|i| format!("A theory with a rather long name number {i}")).collect();
    let board = with_theories(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let shown = scene_of(&board);
    // Harry Bosch and Renée Ballard, whom every string ties, are in it.
    let bosch = fixture().defaults["harry-bosch"];
    let narrow = Rect { x: bosch.x - 200.0, y: bosch.y - 100.0, width: 600.0, height: 400.0 };
    let caption = Caption::new(&"N".repeat(80), "Ballard", Horizon::Everything);
    let picture = render(&shown, narrow, Some(&caption));
    let said = words(&picture.svg);
    assert!(said.contains("Watched up to: everything"));
    assert!(said.contains("more"), "the legend counts what does not fit: {said}");
    assert!(said.contains('…'), "a name too long for the band is cut");
    assert!(
        band_height(16_000.0) >= band_height(1_600.0) * 9.9,
        "a band 10 times as wide is 10 times as tall"
    );
    // every word of the band starts inside the picture
    let band_top = narrow.y - band_height(narrow.width);
    for text in picture.svg.split("<text x=\"").skip(1).filter_map(|t| t.split('>').next()) {
        let number = |t: &str| t.split('"').next().and_then(|n| n.parse::<f64>().ok());
        let (Some(x), Some(y)) = (number(text), text.split("y=\"").nth(1).and_then(number)) else { continue };
        let in_band = text.contains(r##"fill="#fff6dc""##) || text.contains(r##"fill="#e3d3b6""##);
        if in_band {
            assert!(
                y > band_top && y < narrow.y && (narrow.x..narrow.right()).contains(&x),
                "band text at {x}, {y}"
            );
        }
    }
}
